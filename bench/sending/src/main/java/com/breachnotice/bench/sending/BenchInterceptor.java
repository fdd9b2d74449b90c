package com.breachnotice.bench.sending;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.sesv2.model.SendBulkEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.ThrottledException;

/**
 * Benchmark-only SDK interceptor, registered for every client of the benchmark's JVM through the
 * SDK's classpath file {@code software/amazon/awssdk/global/handlers/execution.interceptors}, so the
 * functions' own clients are counted and faulted without a line of production code knowing.
 *
 * <ul>
 *   <li>Counts every API call (each attempt, retries included) by service and operation, and the
 *       items DynamoDB batch calls carry (write and read units, about one per item here).
 *   <li>Injects faults before transmission, so the request never reaches the emulator and the SDK
 *       sees what AWS would answer: SES and SNS throttling and 5xx, DynamoDB throughput errors (the
 *       DynamoDB client retries them), and crashes of a sender between its send and its record (a
 *       non-retryable error thrown at the first batch write of a job's records).
 *   <li>Serializes the conditional writes of this JVM to one item (from the start of the call to its
 *       end): DynamoDB makes each conditional write atomic on its item, moto does not (two concurrent
 *       conditional updates of one item can both pass their condition there), and the benchmarks
 *       run many senders against one item (the send schedule, a redelivered job's claim).
 * </ul>
 */
public final class BenchInterceptor implements ExecutionInterceptor {

    private static final Map<String, java.util.concurrent.locks.ReentrantLock> ITEM_LOCKS = new ConcurrentHashMap<>();
    private static final software.amazon.awssdk.core.interceptor.ExecutionAttribute<
                    java.util.concurrent.locks.ReentrantLock>
            LOCKED = new software.amazon.awssdk.core.interceptor.ExecutionAttribute<>("bench.itemLock");

    /** The faults to inject; all zero unless a benchmark sets them. */
    public record Faults(
            double throttling, double serverErrors, double dynamoDbThroughput, int crashes, double crashShare) {
        public static final Faults NONE = new Faults(0, 0, 0, 0, 0);
    }

    /** A sender process dying between the provider's answer and the record of it. */
    public static final class SimulatedCrash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("simulated crash between send and record", null, false, false);
        }
    }

    private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> ITEMS = new ConcurrentHashMap<>();
    private static final AtomicLong THROTTLES = new AtomicLong();
    private static final AtomicLong SERVER_ERRORS = new AtomicLong();
    private static final AtomicLong DYNAMODB_ERRORS = new AtomicLong();
    private static final AtomicInteger CRASHES = new AtomicInteger();
    private static final ThreadLocal<Boolean> UNCOUNTED = ThreadLocal.withInitial(() -> false);
    private static final Random RANDOM = new Random(20_000);
    private static volatile boolean counting;
    private static volatile Faults faults = Faults.NONE;
    private static volatile String deliveryTable = "";

    public static void startCounting() {
        CALLS.clear();
        ITEMS.clear();
        counting = true;
    }

    public static void stopCounting() {
        counting = false;
    }

    public static void inject(Faults newFaults, String deliveryTableName) {
        THROTTLES.set(0);
        SERVER_ERRORS.set(0);
        DYNAMODB_ERRORS.set(0);
        CRASHES.set(0);
        deliveryTable = deliveryTableName;
        faults = newFaults;
    }

    /** Runs {@code work} on this thread without counting or faulting its calls (seeding, progress). */
    public static <T> T uncounted(java.util.function.Supplier<T> work) {
        UNCOUNTED.set(true);
        try {
            return work.get();
        } finally {
            UNCOUNTED.set(false);
        }
    }

    /** Calls by {@code service:operation}, sorted. */
    public static Map<String, Long> calls() {
        Map<String, Long> snapshot = new TreeMap<>();
        CALLS.forEach((k, v) -> snapshot.put(k, v.sum()));
        return snapshot;
    }

    public static Map<String, Long> items() {
        Map<String, Long> snapshot = new TreeMap<>();
        ITEMS.forEach((k, v) -> snapshot.put(k, v.sum()));
        return snapshot;
    }

    public static long throttles() {
        return THROTTLES.get();
    }

    public static long serverErrors() {
        return SERVER_ERRORS.get();
    }

    public static long dynamoDbErrors() {
        return DYNAMODB_ERRORS.get();
    }

    public static int crashes() {
        return CRASHES.get();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        String item = null;
        if (request instanceof software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest u
                && u.conditionExpression() != null) {
            item = u.tableName() + u.key();
        } else if (request instanceof software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest d
                && d.conditionExpression() != null) {
            item = d.tableName() + d.key();
        } else if (request instanceof software.amazon.awssdk.services.dynamodb.model.PutItemRequest p
                && p.conditionExpression() != null) {
            item = p.tableName()
                    + p.item().get("contactKey")
                    + p.item().get("campaignId")
                    + p.item().get("entry")
                    + p.item().get("notice");
        }
        if (item != null) {
            java.util.concurrent.locks.ReentrantLock lock =
                    ITEM_LOCKS.computeIfAbsent(item, k -> new java.util.concurrent.locks.ReentrantLock());
            lock.lock();
            attributes.putAttribute(LOCKED, lock);
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        unlock(attributes);
        if (counting
                && !UNCOUNTED.get()
                && context.response() instanceof software.amazon.awssdk.services.dynamodb.model.ScanResponse scan
                && scan.scannedCount() != null) {
            ITEMS.computeIfAbsent("DynamoDB:scanned-items", k -> new LongAdder())
                    .add(scan.scannedCount());
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        unlock(attributes);
    }

    private static void unlock(ExecutionAttributes attributes) {
        java.util.concurrent.locks.ReentrantLock lock = attributes.getAttribute(LOCKED);
        if (lock != null) {
            attributes.putAttribute(LOCKED, null);
            lock.unlock();
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (UNCOUNTED.get()) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        SdkRequest request = context.request();
        if (counting) {
            CALLS.computeIfAbsent(service + ":" + operation, k -> new LongAdder())
                    .increment();
            if (request instanceof BatchWriteItemRequest write) {
                write.requestItems()
                        .values()
                        .forEach(items -> ITEMS.computeIfAbsent("DynamoDB:write-items", k -> new LongAdder())
                                .add(items.size()));
            } else if (request instanceof BatchGetItemRequest get) {
                get.requestItems()
                        .values()
                        .forEach(keys -> ITEMS.computeIfAbsent("DynamoDB:read-items", k -> new LongAdder())
                                .add(keys.keys().size()));
            } else if (request instanceof software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest update) {
                var entry = update.key().get("entry");
                String kind =
                        entry == null || entry.s() == null ? "other" : entry.s().replaceAll("#.*", "");
                String expression = update.updateExpression() == null ? "" : update.updateExpression();
                String what = kind
                        + (expression.startsWith("ADD")
                                ? ":extend"
                                : expression.contains("#done") || expression.contains("done") ? "" : "");
                ITEMS.computeIfAbsent("DynamoDB:update-" + what, k -> new LongAdder())
                        .increment();
                if (kind.equals("rate")) {
                    ITEMS.computeIfAbsent(
                                    "rate-by:"
                                            + Thread.currentThread().getName().replaceAll("[0-9]+", "#"),
                                    k -> new LongAdder())
                            .increment();
                }
            } else if (request instanceof SendBulkEmailRequest bulk) {
                ITEMS.computeIfAbsent("SES:recipients", k -> new LongAdder())
                        .add(bulk.bulkEmailEntries().size());
            }
        }
        fault(service, operation, request);
    }

    private static void fault(String service, String operation, SdkRequest request) {
        Faults plan = faults;
        if (plan == Faults.NONE) {
            return;
        }
        double roll;
        synchronized (RANDOM) {
            roll = RANDOM.nextDouble();
        }
        boolean provider = "SendBulkEmail".equals(operation) || ("Sns".equals(service) && "Publish".equals(operation));
        if (provider) {
            if (roll < plan.throttling()) {
                THROTTLES.incrementAndGet();
                throw "Sns".equals(service) ? snsThrottled() : sesThrottled();
            }
            if (roll < plan.throttling() + plan.serverErrors()) {
                SERVER_ERRORS.incrementAndGet();
                throw "Sns".equals(service) ? snsServerError() : sesServerError();
            }
            return;
        }
        if ("DynamoDb".equals(service)) {
            if (request instanceof BatchWriteItemRequest write
                    && write.requestItems().containsKey(deliveryTable)
                    && roll < plan.crashShare()
                    && CRASHES.getAndUpdate(n -> n < plan.crashes() ? n + 1 : n) < plan.crashes()) {
                throw new SimulatedCrash();
            }
            if (roll > 1 - plan.dynamoDbThroughput()) {
                DYNAMODB_ERRORS.incrementAndGet();
                throw ProvisionedThroughputExceededException.builder()
                        .statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("ProvisionedThroughputExceededException")
                                .serviceName("DynamoDB")
                                .errorMessage("injected")
                                .build())
                        .build();
            }
        }
    }

    private static RuntimeException sesThrottled() {
        return TooManyRequestsException.builder()
                .statusCode(429)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("TooManyRequestsException")
                        .serviceName("SESv2")
                        .errorMessage("injected")
                        .build())
                .build();
    }

    private static RuntimeException sesServerError() {
        return SesV2Exception.builder()
                .statusCode(500)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("InternalFailure")
                        .serviceName("SESv2")
                        .errorMessage("injected")
                        .build())
                .build();
    }

    private static RuntimeException snsThrottled() {
        return ThrottledException.builder()
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("Throttling")
                        .serviceName("SNS")
                        .errorMessage("injected")
                        .build())
                .build();
    }

    private static RuntimeException snsServerError() {
        return SnsException.builder()
                .statusCode(500)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("InternalError")
                        .serviceName("SNS")
                        .errorMessage("injected")
                        .build())
                .build();
    }
}
