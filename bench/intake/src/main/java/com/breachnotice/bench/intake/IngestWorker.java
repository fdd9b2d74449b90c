package com.breachnotice.bench.intake;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.dynamodb.DynamoDbIntakeLedger;
import com.breachnotice.cli.Json;
import com.breachnotice.core.intake.IntakeStatus;
import com.breachnotice.intake.IngestHandler;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The intake worker of {@link LoadBench}, in its own JVM (run with {@code -Xmx256m}): {@code WORKERS}
 * threads, each one {@link IngestHandler} built from the function's environment (one simulated Lambda
 * container: its own data key, its own pepper read), take one range at a time from the ingest queue
 * until the manifest is loaded. Prints, as its last line, the requests it sent by service and its
 * peak heap.
 *
 * <p>Usage: {@code IngestWorker ENV.properties MANIFEST_ID WORKERS}.
 */
public final class IngestWorker {

    private static final Duration LIMIT = Duration.ofHours(1);

    private IngestWorker() {}

    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            properties.load(in);
        }
        Map<String, String> environment = new HashMap<>();
        properties.forEach((name, value) -> environment.put((String) name, (String) value));
        String manifestId = args[1];
        int workers = Integer.parseInt(args[2]);
        String queue = Objects.requireNonNull(environment.get("INGEST_QUEUE_URL"), "INGEST_QUEUE_URL");
        AwsClients aws = AwsClients.shared();
        DynamoDbIntakeLedger ledger = new DynamoDbIntakeLedger(
                aws.dynamoDb(), Objects.requireNonNull(environment.get("INTAKE_TABLE"), "INTAKE_TABLE"));
        AtomicBoolean done = new AtomicBoolean();
        Instant deadline = Instant.now().plus(LIMIT);
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            IngestHandler handler = new IngestHandler(environment);
            Thread thread = new Thread(() -> work(aws, handler, queue, done, deadline), "worker-" + i);
            thread.start();
            threads.add(thread);
        }
        // The ledger, not an empty queue, says when the manifest is loaded.
        while (!done.get() && Instant.now().isBefore(deadline)) {
            IntakeStatus status = ledger.find(manifestId).orElseThrow();
            if (status.state() != IntakeStatus.State.LOADING) {
                done.set(true);
            } else {
                Thread.sleep(500);
            }
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("seconds", Math.round(seconds * 10) / 10.0);
        // The ledger polls of this bench (GetItem, above) are not intake's: intake never calls GetItem.
        long polls = RequestCounting.snapshot().getOrDefault("DynamoDb.GetItem", 0L);
        result.put("dynamodb_requests", RequestCounting.service("DynamoDb") - polls);
        result.put("ledger_polls_not_counted", polls);
        result.put("kms_requests", RequestCounting.service("Kms"));
        result.put("peak_heap_mib", peakHeap >> 20);
        result.put("max_heap_mib", Runtime.getRuntime().maxMemory() >> 20);
        result.put("requests", RequestCounting.snapshot());
        System.out.println(Json.line(result));
        System.exit(Instant.now().isBefore(deadline) ? 0 : 1);
    }

    @SuppressWarnings("NullAway") // the handlers never read the Lambda context
    private static void work(
            AwsClients aws, IngestHandler handler, String queue, AtomicBoolean done, Instant deadline) {
        while (!done.get() && Instant.now().isBefore(deadline)) {
            List<Message> messages = aws.sqs()
                    .receiveMessage(
                            b -> b.queueUrl(queue).maxNumberOfMessages(1).waitTimeSeconds(1))
                    .messages();
            for (Message message : messages) {
                SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
                record.setMessageId(message.messageId());
                record.setBody(message.body());
                SQSEvent event = new SQSEvent();
                event.setRecords(List.of(record));
                SQSBatchResponse response = handler.handleRequest(event, null);
                if (response.getBatchItemFailures().isEmpty()) {
                    aws.sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(message.receiptHandle()));
                } else {
                    // As Lambda would after a failure, but at once instead of after the visibility timeout.
                    aws.sqs()
                            .changeMessageVisibility(b -> b.queueUrl(queue)
                                    .receiptHandle(message.receiptHandle())
                                    .visibilityTimeout(0));
                }
            }
        }
    }
}
