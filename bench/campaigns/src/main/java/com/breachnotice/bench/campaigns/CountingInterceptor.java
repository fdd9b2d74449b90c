package com.breachnotice.bench.campaigns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Benchmark-only SDK interceptor, registered for every client of the JVM through the SDK's classpath
 * file {@code software/amazon/awssdk/global/handlers/execution.interceptors}.
 *
 * <ul>
 *   <li>Counts the API calls (each attempt) made on one chosen thread, by service and operation: the
 *       thread that runs {@code campaign status}, while the local runtime's pollers and senders make
 *       their own calls on theirs.
 *   <li>Serializes this JVM's conditional writes and transactions per item (a transaction takes the
 *       locks of all its items, in order): DynamoDB makes them atomic per item, moto does not, and
 *       the counters' ADDs of concurrent job completions meet on one shard item.
 * </ul>
 */
public final class CountingInterceptor implements ExecutionInterceptor {

    private static final Map<String, ReentrantLock> ITEM_LOCKS = new ConcurrentHashMap<>();
    private static final ExecutionAttribute<List<ReentrantLock>> LOCKED = new ExecutionAttribute<>("bench.locks");

    private static volatile @Nullable Thread counted;
    private static final Map<String, Long> CALLS = new TreeMap<>();

    /** One provider call as the sender started it: when, and to whom (phones; emails as a count). */
    record ProviderCall(java.time.Instant startedAt, String service, List<String> phones, int emails) {}

    private static final java.util.concurrent.ConcurrentLinkedQueue<ProviderCall> STARTED =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private static final java.util.concurrent.ConcurrentLinkedQueue<String> TEXTED =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** Every SES bulk send and SNS publish started in this JVM, in start order. */
    static List<ProviderCall> providerCalls() {
        return List.copyOf(STARTED);
    }

    /** The phone of every SNS publish that SNS answered with success. */
    static List<String> texted() {
        return List.copyOf(TEXTED);
    }

    /** Counts the calls made on the current thread from now on, forgetting earlier counts. */
    static synchronized void countThisThread() {
        CALLS.clear();
        counted = Thread.currentThread();
    }

    /** The calls counted since {@link #countThisThread()}, by {@code service.operation}; stops counting. */
    static synchronized Map<String, Long> stop() {
        counted = null;
        return new TreeMap<>(CALLS);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (context.request() instanceof software.amazon.awssdk.services.sns.model.PublishRequest publish
                && publish.phoneNumber() != null) {
            STARTED.add(new ProviderCall(java.time.Instant.now(), "sns", List.of(publish.phoneNumber()), 0));
        } else if (context.request() instanceof software.amazon.awssdk.services.sesv2.model.SendBulkEmailRequest bulk) {
            STARTED.add(new ProviderCall(
                    java.time.Instant.now(),
                    "ses",
                    List.of(),
                    bulk.bulkEmailEntries().size()));
        }
        if (Thread.currentThread() == counted) {
            String name = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                    + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            synchronized (CountingInterceptor.class) {
                CALLS.merge(name, 1L, Long::sum);
            }
        }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        List<String> items = items(context.request());
        if (items.isEmpty()) {
            return;
        }
        List<ReentrantLock> locks = new ArrayList<>();
        for (String item : items.stream().sorted().distinct().toList()) {
            ReentrantLock lock = ITEM_LOCKS.computeIfAbsent(item, k -> new ReentrantLock());
            lock.lock();
            locks.add(lock);
        }
        attributes.putAttribute(LOCKED, locks);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        unlock(attributes);
        if (context.request() instanceof software.amazon.awssdk.services.sns.model.PublishRequest publish
                && publish.phoneNumber() != null) {
            TEXTED.add(publish.phoneNumber());
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        unlock(attributes);
    }

    private static void unlock(ExecutionAttributes attributes) {
        List<ReentrantLock> locks = attributes.getAttribute(LOCKED);
        if (locks != null) {
            attributes.putAttribute(LOCKED, null);
            for (int i = locks.size() - 1; i >= 0; i--) {
                locks.get(i).unlock();
            }
        }
    }

    private static List<String> items(SdkRequest request) {
        List<String> items = new ArrayList<>();
        if (request instanceof UpdateItemRequest u && u.conditionExpression() != null) {
            items.add(u.tableName() + keyOf(u.key()));
        } else if (request instanceof DeleteItemRequest d && d.conditionExpression() != null) {
            items.add(d.tableName() + keyOf(d.key()));
        } else if (request instanceof PutItemRequest p && p.conditionExpression() != null) {
            items.add(p.tableName() + keyOf(p.item()));
        } else if (request instanceof TransactWriteItemsRequest t) {
            for (TransactWriteItem item : t.transactItems()) {
                if (item.update() != null) {
                    items.add(item.update().tableName() + keyOf(item.update().key()));
                } else if (item.put() != null) {
                    items.add(item.put().tableName() + keyOf(item.put().item()));
                } else if (item.delete() != null) {
                    items.add(item.delete().tableName() + keyOf(item.delete().key()));
                } else if (item.conditionCheck() != null) {
                    items.add(item.conditionCheck().tableName()
                            + keyOf(item.conditionCheck().key()));
                }
            }
        }
        return items;
    }

    /** The key attributes of the tables written conditionally here, in a stable order. */
    private static String keyOf(Map<String, AttributeValue> item) {
        return "{" + item.get("contactKey") + "," + item.get("notice") + "," + item.get("campaignId") + ","
                + item.get("entry") + "}";
    }
}
