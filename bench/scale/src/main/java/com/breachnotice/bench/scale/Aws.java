package com.breachnotice.bench.scale;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The AWS side of the model: latency distributions, throughput limits answering "throttled" past
 * them, and meters of every request and capacity unit. Request shapes (what one port call costs)
 * follow the DynamoDB, SQS, SES and SNS adapters of functions/aws; {@code bench/scale/README.md}
 * lists them with the emulator counts they were checked against.
 */
final class Aws {

    private final VirtualTime time;
    final Meter meter = new Meter();

    Aws(VirtualTime time) {
        this.time = time;
    }

    /** Lognormal latency given its median and 99th percentile, in milliseconds. */
    record Latency(double p50Millis, double p99Millis) {
        long sampleNanos() {
            double sigma = Math.log(p99Millis / p50Millis) / 2.3263;
            double z = ThreadLocalRandom.current().nextGaussian();
            return Math.round(p50Millis * Math.exp(sigma * z) * 1e6);
        }
    }

    /**
     * A throughput limit in units per second, counted in one-second windows of virtual time: a
     * request fits while its window has room. Windows make the answer independent of the order in
     * which the model runs requests of the same second.
     */
    static final class Bucket {
        final String name;
        final double perSecond;
        private final Map<Long, Double> used = new HashMap<>();
        private final TreeMap<Long, Double> done = new TreeMap<>();
        long throttles;

        Bucket(String name, double perSecond) {
            this.name = name;
            this.perSecond = perSecond;
        }

        /** Takes up to {@code units} (all or nothing unless {@code partial}); returns what it took. */
        synchronized double take(long atNanos, double units, boolean partial) {
            long window = Math.floorDiv(atNanos, 1_000_000_000L);
            double inWindow = used.getOrDefault(window, 0.0);
            double room = Math.max(0, perSecond - inWindow);
            double granted = units <= room ? units : partial ? room : 0;
            if (granted < units) {
                throttles++;
            }
            if (granted > 0) {
                used.put(window, inWindow + granted);
                done.merge(window, granted, Double::sum);
            }
            return granted;
        }

        /** Units taken between two virtual times (whole windows). */
        synchronized double between(long fromNanos, long toNanos) {
            return done
                    .subMap(
                            Math.floorDiv(fromNanos, 1_000_000_000L),
                            true,
                            Math.floorDiv(toNanos, 1_000_000_000L),
                            true)
                    .values()
                    .stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
        }

        /** Units the limit had room for but nobody took, in the whole windows from one time to another. */
        synchronized double unused(long fromNanos, long toNanos) {
            double unused = 0;
            for (long w = Math.floorDiv(fromNanos, 1_000_000_000L) + 1;
                    w < Math.floorDiv(toNanos, 1_000_000_000L);
                    w++) {
                unused += Math.max(0, perSecond - done.getOrDefault(w, 0.0));
            }
            return unused;
        }

        /**
         * How the limit was used over whole seconds from one time to another: seconds before it
         * first ran at 90% or more, seconds under 90% after that until it last did, seconds after.
         */
        synchronized String profile(long fromNanos, long toNanos) {
            long first = Math.floorDiv(fromNanos, 1_000_000_000L);
            long last = Math.floorDiv(toNanos, 1_000_000_000L);
            long firstFull = -1;
            long lastFull = -1;
            for (long w = first; w <= last; w++) {
                if (done.getOrDefault(w, 0.0) >= 0.9 * perSecond) {
                    firstFull = firstFull < 0 ? w : firstFull;
                    lastFull = w;
                }
            }
            if (firstFull < 0) {
                return "never at 90% of its limit";
            }
            long under = 0;
            for (long w = firstFull; w <= lastFull; w++) {
                under += done.getOrDefault(w, 0.0) < 0.9 * perSecond ? 1 : 0;
            }
            return String.format(
                    java.util.Locale.ROOT,
                    "%d s before it first ran at 90%% of its limit, %d s under 90%% between, %d s after it last did",
                    firstFull - first,
                    under,
                    last - lastFull);
        }

        synchronized double peak() {
            return done.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
    }

    /** Requests and units by name ("DynamoDb:BatchWriteItem", "WRU:contacts", ...). */
    static final class Meter {
        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        private final Map<String, DoubleAdder> units = new ConcurrentHashMap<>();

        void count(String name, long n) {
            counts.computeIfAbsent(name, k -> new LongAdder()).add(n);
        }

        void units(String name, double n) {
            units.computeIfAbsent(name, k -> new DoubleAdder()).add(n);
        }

        Map<String, Long> counts() {
            Map<String, Long> copy = new TreeMap<>();
            counts.forEach((k, v) -> copy.put(k, v.sum()));
            return copy;
        }

        Map<String, Double> unitTotals() {
            Map<String, Double> copy = new TreeMap<>();
            units.forEach((k, v) -> copy.put(k, v.sum()));
            return copy;
        }
    }

    /** A DynamoDB table (or one partition key of it) with its write and read limits. */
    static final class Table {
        final String name;
        final Bucket writes;
        final Bucket reads;

        Table(String name, double wcu, double rcu) {
            this.name = name;
            this.writes = new Bucket(name + " writes", wcu);
            this.reads = new Bucket(name + " reads", rcu);
        }
    }

    Latency dynamoItem = new Latency(4, 12);
    Latency dynamoBatch = new Latency(8, 30);
    Latency dynamoScan = new Latency(30, 100);
    Latency sqs = new Latency(10, 40);
    Latency ses = new Latency(100, 400);
    Latency sms = new Latency(60, 250);
    Latency kms = new Latency(8, 30);
    Latency s3 = new Latency(30, 100);

    /** SDK retries of a throttled single-item request: attempts, and the base of the full-jitter backoff. */
    static final int SDK_ATTEMPTS = 8;

    static final long SDK_BASE_NANOS = 50_000_000L;

    /**
     * One single-item request (GetItem, PutItem, UpdateItem, Query page): the SDK retries a throttled
     * one up to {@link #SDK_ATTEMPTS} times with full-jitter backoff, then the caller sees the error.
     */
    void item(Table table, String operation, boolean write, double units) {
        item(table, operation, write, units, dynamoItem);
    }

    VirtualTime time() {
        return time;
    }

    void item(Table table, String operation, boolean write, double units, Latency latency) {
        Bucket bucket = write ? table.writes : table.reads;
        for (int attempt = 0; attempt < SDK_ATTEMPTS; attempt++) {
            time.spend(latency.sampleNanos());
            meter.count("DynamoDb:" + operation, 1);
            if (bucket.take(time.now(), units, false) > 0) {
                meter.units((write ? "WRU:" : "RRU:") + table.name, units);
                time.discardCpu();
                return;
            }
            meter.count("throttled:" + table.name, 1);
            long cap = Math.min(20_000_000_000L, SDK_BASE_NANOS << attempt);
            time.spend(ThreadLocalRandom.current().nextLong(cap));
        }
        throw new IllegalStateException("ProvisionedThroughputExceeded on " + table.name);
    }

    /**
     * A {@code BatchRetry} policy: attempts in all (the first included), the cap of its backoff, and
     * whether a batch the SDK gave up on as throttled counts as all of it left over (else the
     * exception ends the call).
     */
    record BatchPolicy(int attempts, long maxDelayNanos, boolean retriesThrottled) {}

    /** {@code BatchRetry.standard()}: 8 attempts, at most 2 s apart; a throttling error ends the call. */
    static final BatchPolicy STANDARD = new BatchPolicy(8, 2_000_000_000L, false);

    /**
     * {@code BatchRetry.patient()}, which the subject registry's batches use: 20 attempts, at most
     * 5 s apart, a wholly throttled batch asked again whole. Options may change it.
     */
    BatchPolicy patient = new BatchPolicy(20, 5_000_000_000L, true);

    /** As {@link #batch(Table, String, boolean, List, double, int, BatchPolicy)} with {@link #STANDARD}. */
    void batch(
            Table table, String operation, boolean write, List<Integer> chunks, double unitsPerItem, int concurrency) {
        batch(table, operation, write, chunks, unitsPerItem, concurrency, STANDARD);
    }

    /**
     * Batch requests as the adapters make them through {@code DynamoDbBatches}: {@code chunks}
     * requests (item counts) run {@code concurrency} at a time; what the table cannot take comes
     * back unprocessed and is asked again after the policy's backoff (the SDK's exponential delay
     * with full jitter, from 50 ms), for at most its attempts, then the call fails
     * ({@code BatchIncompleteException}) and so does the invocation. A request of which nothing
     * fits is a throttling error that the SDK retries first, as {@link #item}.
     */
    void batch(
            Table table,
            String operation,
            boolean write,
            List<Integer> chunks,
            double unitsPerItem,
            int concurrency,
            BatchPolicy policy) {
        Bucket bucket = write ? table.writes : table.reads;
        for (int from = 0; from < chunks.size(); from += concurrency) {
            List<Integer> pending = new ArrayList<>(chunks.subList(from, Math.min(chunks.size(), from + concurrency)));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > policy.attempts()) {
                    throw new BatchIncomplete(table.name, operation, policy.attempts());
                }
                if (attempt > 1) {
                    long cap = Math.min(policy.maxDelayNanos(), SDK_BASE_NANOS << Math.min(30, attempt - 2));
                    time.spend(ThreadLocalRandom.current().nextLong(cap + 1));
                }
                long slowest = 0;
                for (int i = 0; i < pending.size(); i++) {
                    slowest = Math.max(slowest, dynamoBatch.sampleNanos());
                }
                time.spend(slowest);
                List<Integer> left = new ArrayList<>();
                for (int items : pending) {
                    meter.count("DynamoDb:" + operation, 1);
                    double took = bucket.take(time.now(), items * unitsPerItem, true);
                    // Nothing processed at all is not "unprocessed items" but a throttling error
                    // (ProvisionedThroughputExceeded), which the SDK retries inside the call first,
                    // as for a single item (AwsClients: 8 attempts in all).
                    for (int sdkAttempt = 1; took == 0 && sdkAttempt < SDK_ATTEMPTS; sdkAttempt++) {
                        meter.count("throttled:" + table.name, 1);
                        long cap = Math.min(20_000_000_000L, SDK_BASE_NANOS << (sdkAttempt - 1));
                        time.spend(ThreadLocalRandom.current().nextLong(cap) + dynamoBatch.sampleNanos());
                        meter.count("DynamoDb:" + operation, 1);
                        took = bucket.take(time.now(), items * unitsPerItem, true);
                    }
                    if (took == 0 && !policy.retriesThrottled()) {
                        throw new IllegalStateException("ProvisionedThroughputExceeded on " + table.name);
                    }
                    int granted = (int) Math.floor(took / unitsPerItem + 1e-9);
                    meter.units((write ? "WRU:" : "RRU:") + table.name, granted * unitsPerItem);
                    if (granted < items) {
                        meter.count("throttled:" + table.name, 1);
                        left.add(items - granted);
                    }
                }
                pending = left;
            }
        }
        time.discardCpu();
    }

    /** What {@code BatchRetry} throws when unprocessed items are left after its last attempt. */
    static final class BatchIncomplete extends IllegalStateException {
        BatchIncomplete(String table, String operation, int attempts) {
            super(operation + " on " + table + ": unprocessed items left after " + attempts + " attempts");
        }
    }

    /** Splits {@code n} items into requests of at most {@code size}. */
    static List<Integer> chunks(int n, int size) {
        List<Integer> result = new ArrayList<>();
        for (int left = n; left > 0; left -= size) {
            result.add(Math.min(size, left));
        }
        return result;
    }

    /** A request to a service without a modelled limit (SQS, S3, KMS, SES templates): latency and a count. */
    void call(String name, Latency latency) {
        time.spend(latency.sampleNanos());
        meter.count(name, 1);
        time.discardCpu();
    }
}
