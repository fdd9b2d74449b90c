package com.breachnotice.bench.sending;

import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.sesv2.model.BulkEmailEntry;
import software.amazon.awssdk.services.sesv2.model.BulkEmailEntryResult;
import software.amazon.awssdk.services.sesv2.model.BulkEmailStatus;
import software.amazon.awssdk.services.sesv2.model.SendBulkEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendBulkEmailResponse;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
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
 *       non-retryable error thrown at a batch write of a job's records), connection timeouts, and
 *       bulk calls that partly succeed (some entries held back from SES and answered
 *       {@code ACCOUNT_THROTTLED}).
 *   <li>While faults are on, counts the provider calls that carried an address an earlier call
 *       had carried (re-sends), from the provider's own answers.
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
            double throttling,
            double serverErrors,
            double dynamoDbThroughput,
            int crashes,
            double crashShare,
            double timeouts,
            double entryThrottling) {
        public static final Faults NONE = new Faults(0, 0, 0, 0, 0, 0, 0);
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
    private static final AtomicLong TIMEOUTS = new AtomicLong();
    private static final AtomicLong ENTRY_THROTTLES = new AtomicLong();
    private static final AtomicLong REPEATED_NOTICES = new AtomicLong();
    private static final AtomicInteger PROVIDER_CALLS = new AtomicInteger();
    /** Per address: the provider call that first took it, and how many calls took it. */
    private static final Map<String, int[]> TAKEN = new ConcurrentHashMap<>();
    /** Per address: the provider's message id for the first call that took it. */
    private static final Map<String, String> FIRST_MESSAGE = new ConcurrentHashMap<>();
    /**
     * Calls linked by an address they both took, as a union-find forest: an original send, its
     * re-send after a crash, and that re-send's own remainder are one group, one repeated send.
     */
    private static final Map<Integer, Integer> LINKED = new HashMap<>();

    /**
     * Bulk calls made on this thread (an email job's task: its bulk calls, then its record writes).
     * A job's texts go out on threads of their own, named after the job ({@link #CALL_JOB}).
     */
    private static final ThreadLocal<List<Integer>> THREAD_CALLS = ThreadLocal.withInitial(ArrayList::new);
    /** When each provider call that took an address answered (nanoTime). */
    private static final Map<Integer, Long> CALL_AT = new ConcurrentHashMap<>();
    /** The provider's message ids of each call, one per address it took. */
    private static final Map<Integer, List<String>> CALL_MESSAGES = new ConcurrentHashMap<>();
    /** The call of each provider message id. */
    private static final Map<String, Integer> MESSAGE_CALL = new ConcurrentHashMap<>();
    /** The job of a call made on a text thread (the thread's name up to " text "). */
    private static final Map<Integer, String> CALL_JOB = new ConcurrentHashMap<>();
    /** When the record of each provider message id was written (nanoTime), from the record's own id. */
    private static final Map<String, Long> RECORDED_AT = new ConcurrentHashMap<>();
    /** Message ids whose job crashed at its record write (an injected crash) before recording them. */
    private static final Set<String> CRASHED = ConcurrentHashMap.newKeySet();
    /** Every repetition: the first call and message for an address, and the later call that took it again. */
    private static final List<Repeat> REPEATS = new java.util.concurrent.CopyOnWriteArrayList<>();

    private record Repeat(int earlier, String earlierMessage, int later) {}

    private static final ExecutionAttribute<List<Integer>> HELD_BACK = new ExecutionAttribute<>("bench.heldBack");
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
        TIMEOUTS.set(0);
        ENTRY_THROTTLES.set(0);
        REPEATED_NOTICES.set(0);
        PROVIDER_CALLS.set(0);
        TAKEN.clear();
        FIRST_MESSAGE.clear();
        CALL_MESSAGES.clear();
        MESSAGE_CALL.clear();
        CALL_JOB.clear();
        synchronized (LINKED) {
            LINKED.clear();
        }
        CALL_AT.clear();
        RECORDED_AT.clear();
        CRASHED.clear();
        REPEATS.clear();
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

    /** Connection timeouts injected (before transmission: nothing reached the provider or the table). */
    public static long timeouts() {
        return TIMEOUTS.get();
    }

    /** Bulk entries answered {@code ACCOUNT_THROTTLED} (held back from SES, so never sent). */
    public static long entryThrottles() {
        return ENTRY_THROTTLES.get();
    }

    /**
     * Sends that were repeated: groups of provider calls linked by the addresses they took twice
     * (an original send, possibly split by throttling, and its re-send, possibly split too).
     * Counted from the provider's own answers while faults are on.
     */
    public static int repeatedSends() {
        synchronized (LINKED) {
            Set<Integer> groups = new HashSet<>();
            for (Repeat repeat : REPEATS) {
                groups.add(root(repeat.earlier()));
            }
            return groups.size();
        }
    }

    private static int root(int call) {
        int root = call;
        for (Integer parent = LINKED.get(root); parent != null && parent != root; parent = LINKED.get(root)) {
            root = parent;
        }
        return root;
    }

    private static void link(int a, int b) {
        synchronized (LINKED) {
            LINKED.putIfAbsent(a, a);
            LINKED.putIfAbsent(b, b);
            int rootA = root(a);
            int rootB = root(b);
            if (rootA != rootB) {
                LINKED.put(rootA, rootB);
            }
        }
    }

    /** Why a send was repeated. */
    public enum RepeatCause {
        /** The earlier holder crashed after the provider took the messages, before recording them. */
        CRASH,
        /**
         * The later call went out while the earlier holder had sent and not yet recorded (or never
         * recorded, without a crash): two holders at once, which only a lease that ran out allows.
         */
        LEASE_EXPIRY,
        /** The earlier holder had recorded the send before the later call: a bug. */
        OTHER
    }

    /** One repeated send: the provider calls linked by the addresses they repeated, and why. */
    public record RepeatedSend(List<Integer> calls, int addresses, RepeatCause cause) {}

    /**
     * Every repeated send (a group of {@link #repeatedSends} linked calls) with its cause: the worst
     * cause of its repetitions (other, then lease expiry, then crash).
     */
    public static List<RepeatedSend> repeatedSendsWithCause() {
        Map<Integer, List<Repeat>> byGroup = new TreeMap<>();
        synchronized (LINKED) {
            for (Repeat pair : REPEATS) {
                byGroup.computeIfAbsent(root(pair.earlier()), g -> new ArrayList<>())
                        .add(pair);
            }
        }
        List<RepeatedSend> sends = new ArrayList<>();
        byGroup.forEach((group, pairs) -> {
            RepeatCause worst = RepeatCause.CRASH;
            Set<Integer> calls = new java.util.TreeSet<>();
            for (Repeat pair : pairs) {
                calls.add(pair.earlier());
                calls.add(pair.later());
                RepeatCause cause = cause(pair);
                if (cause.ordinal() > worst.ordinal()) {
                    worst = cause;
                }
            }
            sends.add(new RepeatedSend(List.copyOf(calls), pairs.size(), worst));
        });
        return sends;
    }

    /**
     * Judged per address, by the first message's own record: a crashed job never recorded it; a
     * record written after the later call means two holders at once; one written before, a bug.
     */
    private static RepeatCause cause(Repeat repeat) {
        if (CRASHED.contains(repeat.earlierMessage())) {
            return RepeatCause.CRASH;
        }
        Long recorded = RECORDED_AT.get(repeat.earlierMessage());
        Long again = CALL_AT.get(repeat.later());
        if (recorded == null || again == null || recorded > again) {
            return RepeatCause.LEASE_EXPIRY;
        }
        return RepeatCause.OTHER;
    }

    /** The most times the provider took a notice for any one address. */
    public static int mostNoticesToOneAddress() {
        return TAKEN.values().stream().mapToInt(t -> t[1]).max().orElse(0);
    }

    /** Notices the provider took for an address it had taken one for already. */
    public static long repeatedNotices() {
        return REPEATED_NOTICES.get();
    }

    /**
     * Holds back a share of a bulk call's entries so that SES never sees them, and answers them
     * {@code ACCOUNT_THROTTLED} in {@link #modifyResponse}: a bulk call that partly succeeds.
     */
    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        Faults plan = faults;
        if (plan.entryThrottling() <= 0
                || UNCOUNTED.get()
                || !(context.request() instanceof SendBulkEmailRequest bulk)
                || bulk.bulkEmailEntries().size() < 2) {
            return context.request();
        }
        List<BulkEmailEntry> kept = new ArrayList<>();
        List<Integer> heldBack = new ArrayList<>();
        List<BulkEmailEntry> entries = bulk.bulkEmailEntries();
        for (int i = 0; i < entries.size(); i++) {
            double roll;
            synchronized (RANDOM) {
                roll = RANDOM.nextDouble();
            }
            if (roll < plan.entryThrottling() && kept.size() + (entries.size() - i) > 1) {
                heldBack.add(i);
            } else {
                kept.add(entries.get(i));
            }
        }
        if (heldBack.isEmpty()) {
            return bulk;
        }
        attributes.putAttribute(HELD_BACK, heldBack);
        return bulk.toBuilder().bulkEmailEntries(kept).build();
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        SdkResponse response = context.response();
        if (faults != Faults.NONE) {
            countRepeats(context.request(), response);
        }
        List<Integer> heldBack = attributes.getAttribute(HELD_BACK);
        if (heldBack == null || !(response instanceof SendBulkEmailResponse bulk)) {
            return response;
        }
        List<BulkEmailEntryResult> results = new ArrayList<>(bulk.bulkEmailEntryResults());
        for (int index : heldBack) {
            results.add(
                    Math.min(index, results.size()),
                    BulkEmailEntryResult.builder()
                            .status(BulkEmailStatus.ACCOUNT_THROTTLED)
                            .error("injected")
                            .build());
            ENTRY_THROTTLES.incrementAndGet();
        }
        return bulk.toBuilder().bulkEmailEntryResults(results).build();
    }

    private static void countRepeats(SdkRequest request, SdkResponse response) {
        // address -> the provider's message id for it
        Map<String, String> taken = new java.util.LinkedHashMap<>();
        if (request instanceof SendBulkEmailRequest bulk && response instanceof SendBulkEmailResponse answer) {
            List<BulkEmailEntryResult> results = answer.bulkEmailEntryResults();
            for (int i = 0; i < results.size() && i < bulk.bulkEmailEntries().size(); i++) {
                if (results.get(i).status() == BulkEmailStatus.SUCCESS) {
                    for (String to :
                            bulk.bulkEmailEntries().get(i).destination().toAddresses()) {
                        taken.put(to, String.valueOf(results.get(i).messageId()));
                    }
                }
            }
        } else if (request instanceof PublishRequest publish
                && response instanceof PublishResponse published
                && publish.phoneNumber() != null) {
            taken.put(publish.phoneNumber(), String.valueOf(published.messageId()));
        }
        if (taken.isEmpty()) {
            return;
        }
        int call = PROVIDER_CALLS.incrementAndGet();
        CALL_AT.put(call, System.nanoTime());
        CALL_MESSAGES.put(call, List.copyOf(taken.values()));
        taken.values().forEach(message -> MESSAGE_CALL.put(message, call));
        String thread = Thread.currentThread().getName();
        int text = thread.indexOf(" text ");
        if (text > 0) {
            CALL_JOB.put(call, thread.substring(0, text));
        } else {
            THREAD_CALLS.get().add(call);
        }
        taken.forEach((to, message) -> {
            FIRST_MESSAGE.putIfAbsent(to, message);
            int[] seen = TAKEN.compute(
                    to, (k, before) -> before == null ? new int[] {call, 1} : new int[] {before[0], before[1] + 1});
            if (seen[1] > 1) {
                REPEATED_NOTICES.incrementAndGet();
                link(seen[0], call);
                REPEATS.add(new Repeat(seen[0], FIRST_MESSAGE.get(to), call));
            }
        });
    }

    /** The provider message ids that a batch write of delivery records carries. */
    private static List<String> recordedMessages(BatchWriteItemRequest write) {
        List<String> messages = new ArrayList<>();
        for (var request : write.requestItems().getOrDefault(deliveryTable, List.of())) {
            if (request.putRequest() != null) {
                var id = request.putRequest().item().get("providerMessageId");
                if (id != null && id.s() != null) {
                    messages.add(id.s());
                }
            }
        }
        return messages;
    }

    /**
     * What a crash at this record write leaves unrecorded: the messages of this write, of the bulk
     * calls made on this thread, and of every text of the jobs those messages belong to.
     */
    private static void crashed(BatchWriteItemRequest write) {
        Set<Integer> calls = new HashSet<>(THREAD_CALLS.get());
        for (String message : recordedMessages(write)) {
            Integer call = MESSAGE_CALL.get(message);
            if (call != null) {
                calls.add(call);
            }
        }
        Set<String> jobs = new HashSet<>();
        calls.forEach(call -> {
            String job = CALL_JOB.get(call);
            if (job != null) {
                jobs.add(job);
            }
        });
        CALL_JOB.forEach((call, job) -> {
            if (jobs.contains(job)) {
                calls.add(call);
            }
        });
        Integer first = null;
        for (Integer call : calls) {
            for (String message : CALL_MESSAGES.getOrDefault(call, List.of())) {
                if (!RECORDED_AT.containsKey(message)) {
                    CRASHED.add(message);
                }
            }
            // The texts of one job are one send, as the bulk call of an email job is.
            if (CALL_JOB.containsKey(call)) {
                if (first == null) {
                    first = call;
                }
                link(first, call);
            }
        }
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
        if (context.request() instanceof BatchWriteItemRequest write
                && write.requestItems().containsKey(deliveryTable)) {
            long now = System.nanoTime();
            recordedMessages(write).forEach(message -> RECORDED_AT.putIfAbsent(message, now));
        }
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
            if (roll < plan.throttling() + plan.serverErrors() + plan.timeouts()) {
                throw connectTimeout();
            }
            return;
        }
        if ("DynamoDb".equals(service)) {
            if (request instanceof BatchWriteItemRequest write
                    && write.requestItems().containsKey(deliveryTable)
                    && roll < plan.crashShare()
                    && CRASHES.getAndUpdate(n -> n < plan.crashes() ? n + 1 : n) < plan.crashes()) {
                crashed(write);
                throw new SimulatedCrash();
            }
            if (roll >= 0.5 && roll < 0.5 + plan.timeouts()) {
                throw connectTimeout();
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

    /** What the SDK throws when it cannot connect in time: the request never left. */
    private static RuntimeException connectTimeout() {
        TIMEOUTS.incrementAndGet();
        return SdkClientException.builder()
                .message("Unable to execute HTTP request: connect timed out (injected)")
                .cause(new SocketTimeoutException("connect timed out"))
                .build();
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
