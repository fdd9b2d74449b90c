package com.breachnotice.lookup;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.breachnotice.aws.incident.IncidentJson;
import com.breachnotice.core.campaign.CampaignStore;
import com.breachnotice.core.delivery.DeliveryHistory;
import com.breachnotice.core.delivery.RecipientMasks;
import com.breachnotice.core.incident.IncidentDescription;
import com.breachnotice.core.lookup.AddressLimiter;
import com.breachnotice.core.lookup.ChallengeStore;
import com.breachnotice.core.lookup.CodeBudget;
import com.breachnotice.core.lookup.CodeQueue;
import com.breachnotice.core.lookup.ContactGuesses;
import com.breachnotice.core.lookup.LookupFixture;
import com.breachnotice.core.lookup.LookupLimits;
import com.breachnotice.core.lookup.LookupService;
import com.breachnotice.core.lookup.RateLimits;
import com.breachnotice.core.lookup.ReferenceChecks;
import com.breachnotice.core.metrics.Metrics;
import com.breachnotice.core.registry.ContactBook;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The real {@link LookupHandler} over in-memory stores that answer after a fixed latency (5 ms by
 * default, a DynamoDB or SQS call in the same region), for the load bench: the local runtime
 * builds it from its environment as it builds any handler, so requests go over HTTP through the same
 * route matching and event mapping as the deployed function. Instances share one world.
 *
 * <p>Environment: {@code BENCH_STORE_LATENCY_MS}, {@code ADDRESS_STARTS_PER_HOUR},
 * {@code ADDRESS_CHECKS_PER_HOUR}, {@code CODES_PER_HOUR}.
 */
public final class SlowStoreLookupHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Map<Map<String, String>, LookupHandler> WORLDS = new ConcurrentHashMap<>();

    private final LookupHandler handler;

    public SlowStoreLookupHandler(Map<String, String> environment) {
        this.handler = WORLDS.computeIfAbsent(Map.copyOf(environment), SlowStoreLookupHandler::world);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, @Nullable Context context) {
        return handler.handleRequest(event, context);
    }

    private static LookupHandler world(Map<String, String> env) {
        Duration latency = Duration.ofMillis(Long.parseLong(env.getOrDefault("BENCH_STORE_LATENCY_MS", "5")));
        LookupFixture fixture = new LookupFixture(1L);
        Clock clock = Clock.systemUTC();
        RateLimits counters = slow(RateLimits.class, fixture.rateLimits, latency);
        LookupService service = new LookupService(
                slow(ChallengeStore.class, fixture.challenges, latency),
                slow(CodeQueue.class, fixture.codes, latency),
                slow(ContactBook.class, fixture.contacts, latency),
                slow(DeliveryHistory.class, fixture.deliveries, latency),
                slow(CampaignStore.class, fixture.campaigns, latency),
                fixture.normalizer,
                fixture.keyer,
                clock,
                new SecureRandom(),
                new CodeBudget(counters, clock, Integer.parseInt(env.getOrDefault("CODES_PER_HOUR", "20000")), 10),
                Metrics.NONE,
                slow(RecipientMasks.class, fixture.masks, latency),
                slow(ReferenceChecks.class, fixture.referenceChecks, latency),
                new ContactGuesses(counters, clock, ContactGuesses.PER_CONTACT_PER_DAY));
        AddressLimiter limiter = new AddressLimiter(
                counters,
                fixture.keyer,
                clock,
                new LookupLimits(
                        Duration.ofHours(1),
                        Integer.parseInt(env.getOrDefault("ADDRESS_STARTS_PER_HOUR", "30")),
                        Integer.parseInt(env.getOrDefault("ADDRESS_CHECKS_PER_HOUR", "60"))));
        // The sample incident, as if published: the page and GET /v1/incident answer as in production.
        IncidentDescription incident = IncidentJson.sample();
        return new LookupHandler(service, limiter, () -> Optional.of(incident));
    }

    /** {@code delegate} behind a proxy that waits {@code latency} before every call, outside any lock. */
    static <T> T slow(Class<T> port, T delegate, Duration latency) {
        Object proxy = Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (p, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(delegate, args);
            }
            long until = System.nanoTime() + latency.toNanos();
            for (long left = latency.toNanos(); left > 0; left = until - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause() == null ? e : e.getCause();
            }
        });
        return port.cast(proxy);
    }
}
