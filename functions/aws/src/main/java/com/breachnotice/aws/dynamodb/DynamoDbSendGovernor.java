package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.n;
import static com.breachnotice.aws.dynamodb.Attributes.s;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.sending.SendGovernor;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link SendGovernor} as one schedule item per campaign and channel on the campaigns table
 * ({@code entry = "rate#<channel>"}, {@code nextAt} in epoch microseconds): a reservation moves
 * {@code nextAt} on by {@code units / rate} and starts where it was.
 *
 * <p>Why a shared schedule and not a token bucket per instance (the event source's maximum
 * concurrency N, each instance at rate/N): a bulk call sends 50 recipients at once, so N instances
 * whose calls happen to line up put N times 50 into one second, well over the rate, unless each
 * keeps far below its share. A schedule spaces every call of every instance, and costs one update
 * per SQS batch of up to 10 jobs (the sender reserves a batch at a time), about 2 requests per
 * 1,000 emails. It is one item per campaign and channel: at 10,000 emails per second that is 20
 * updates per second. Throttling slows it down through the rate each instance reserves at.
 *
 * <p>While the schedule is busy, {@code nextAt} is ahead of now and one conditional ADD reserves;
 * when it fell behind (idle), an update restarts it at now, so idle time is never saved up into a
 * burst. Which of the two to try first is guessed from the end of this instance's last
 * reservation, so a reservation is one request whether the schedule runs ahead or idles. A
 * restarted schedule begins {@link #LEAD} after now: the reservation itself takes time, and a turn
 * already past when it is handed out would be sent late, crowding the turns after it.
 */
public final class DynamoDbSendGovernor implements SendGovernor {

    static final String PREFIX = "rate#";

    /** How far ahead of now an idle schedule restarts. */
    static final long LEAD_MICROS = SendGovernor.IDLE_LEAD.toNanos() / 1_000;

    private static final int ATTEMPTS = 8;

    /** No latest start: {@link #reserve} as the schedule has always been. */
    private static final long UNBOUNDED = Long.MAX_VALUE;

    private final DynamoDbClient dynamoDb;
    private final String campaignTable;
    private final java.util.concurrent.ConcurrentHashMap<String, Long> lastEnd =
            new java.util.concurrent.ConcurrentHashMap<>();

    public DynamoDbSendGovernor(DynamoDbClient dynamoDb, String campaignTable) {
        this.dynamoDb = dynamoDb;
        this.campaignTable = campaignTable;
    }

    @Override
    public Instant reserve(String campaignId, Channel channel, int units, double perSecond, Instant now) {
        requireValid(units, perSecond);
        // Unbounded, a reservation is never refused.
        return ofMicros(reserve(campaignId, channel, units, perSecond, micros(now), UNBOUNDED)
                .orElseThrow());
    }

    /**
     * As {@link #reserve}, refused when the schedule's end lies after {@code latestStart}: the
     * extend's condition bounds the end too, and a refused extend reads the end once to tell "too
     * far ahead" (nothing reserved) from "behind" (restart).
     */
    @Override
    public Optional<Instant> reserveBy(
            String campaignId, Channel channel, int units, double perSecond, Instant now, Instant latestStart) {
        requireValid(units, perSecond);
        long nowMicros = micros(now);
        long latest = micros(latestStart);
        if (nowMicros + LEAD_MICROS > latest) {
            return Optional.empty();
        }
        return reserve(campaignId, channel, units, perSecond, nowMicros, latest).map(DynamoDbSendGovernor::ofMicros);
    }

    private static void requireValid(int units, double perSecond) {
        if (units < 1 || !(perSecond > 0)) {
            throw new IllegalArgumentException("a reservation holds at least one unit at a positive rate");
        }
    }

    /** The start of the reservation, in epoch microseconds; empty when the schedule ends after {@code latest}. */
    private Optional<Long> reserve(
            String campaignId, Channel channel, int units, double perSecond, long nowMicros, long latest) {
        long span = Math.max(1, Math.round(units * 1_000_000 / perSecond));
        Map<String, AttributeValue> key = Map.of("campaignId", s(campaignId), "entry", s(PREFIX + channel.code()));
        String schedule = campaignId + "#" + channel.code();
        boolean idle = lastEnd.getOrDefault(schedule, Long.MIN_VALUE) < nowMicros;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Long> start = idle ? restart(key, nowMicros, span) : extend(key, nowMicros, span, latest);
            if (start.isPresent()) {
                lastEnd.put(schedule, start.get() + span);
                return start;
            }
            if (!idle && latest != UNBOUNDED) {
                Optional<Long> end = end(key);
                if (end.isPresent() && end.get() > latest) {
                    lastEnd.put(schedule, end.get());
                    return Optional.empty();
                }
            }
            // Guessed wrong, or another instance moved the schedule meanwhile: try the other way.
            idle = !idle;
        }
        throw new IllegalStateException("the send schedule of " + campaignId + " kept racing");
    }

    /**
     * Reserves after the schedule's end while it is ahead of now and at {@code latestMicros} or
     * before; empty when it is behind, absent or too far ahead.
     */
    private Optional<Long> extend(Map<String, AttributeValue> key, long nowMicros, long span, long latestMicros) {
        boolean bounded = latestMicros != UNBOUNDED;
        Map<String, AttributeValue> values = bounded
                ? Map.of(":span", n(span), ":now", n(nowMicros), ":latest", n(latestMicros))
                : Map.of(":span", n(span), ":now", n(nowMicros));
        try {
            Map<String, AttributeValue> updated = dynamoDb.updateItem(b -> b.tableName(campaignTable)
                            .key(key)
                            .updateExpression("ADD #n :span")
                            .conditionExpression(bounded ? "#n >= :now AND #n <= :latest" : "#n >= :now")
                            .expressionAttributeNames(Map.of("#n", "nextAt"))
                            .expressionAttributeValues(values)
                            .returnValues(ReturnValue.UPDATED_NEW))
                    .attributes();
            return Optional.of(Attributes.requiredNumber(updated, "nextAt") - span);
        } catch (ConditionalCheckFailedException behindOrAbsent) {
            return Optional.empty();
        }
    }

    /** Restarts an idle (or new) schedule at now; empty when it is ahead of now. */
    private Optional<Long> restart(Map<String, AttributeValue> key, long nowMicros, long span) {
        try {
            dynamoDb.updateItem(b -> b.tableName(campaignTable)
                    .key(key)
                    .updateExpression("SET #n = :next")
                    .conditionExpression("attribute_not_exists(#n) OR #n < :now")
                    .expressionAttributeNames(Map.of("#n", "nextAt"))
                    .expressionAttributeValues(
                            Map.of(":next", n(nowMicros + LEAD_MICROS + span), ":now", n(nowMicros))));
            return Optional.of(nowMicros + LEAD_MICROS);
        } catch (ConditionalCheckFailedException ahead) {
            return Optional.empty();
        }
    }

    /** The schedule's end, read consistently; empty when it has none yet. */
    private Optional<Long> end(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(campaignTable)
                        .key(key)
                        .consistentRead(true)
                        .projectionExpression("#n")
                        .expressionAttributeNames(Map.of("#n", "nextAt")))
                .item();
        return item == null || !item.containsKey("nextAt")
                ? Optional.empty()
                : Optional.of(Attributes.requiredNumber(item, "nextAt"));
    }

    private static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    }

    private static Instant ofMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
    }
}
