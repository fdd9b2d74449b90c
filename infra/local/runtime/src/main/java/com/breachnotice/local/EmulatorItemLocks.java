package com.breachnotice.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Makes this JVM's writes to one DynamoDB item on the local emulator one at a time, as DynamoDB
 * makes each write (and each transaction) atomic on its items; moto does not. Two plan pages that
 * finished in the same millisecond both added to the campaign's plan summary in a transaction, and
 * moto kept one of the two additions: the campaign then never counted as planned. Only requests to
 * a loopback endpoint are held (the emulator); the lock spans the request's attempts. Puts are not
 * held: a put names its key only among its attributes, and ours create items under a condition. Registered
 * through the SDK's classpath file {@code software/amazon/awssdk/global/handlers/execution.interceptors};
 * no function zip carries this module.
 */
public final class EmulatorItemLocks implements ExecutionInterceptor {

    private static final Map<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
    private static final ExecutionAttribute<List<ReentrantLock>> HELD = new ExecutionAttribute<>("local.itemLocks");

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (attributes.getAttribute(HELD) != null
                || !isLoopback(context.httpRequest().host())) {
            return; // held since an earlier attempt, or not the emulator
        }
        TreeSet<String> items = items(context.request());
        if (items.isEmpty()) {
            return;
        }
        List<ReentrantLock> held = new ArrayList<>(items.size());
        for (String item : items) { // sorted: two transactions never wait for each other in a circle
            ReentrantLock lock = LOCKS.computeIfAbsent(item, k -> new ReentrantLock());
            lock.lock();
            held.add(lock);
        }
        attributes.putAttribute(HELD, held);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        release(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        release(attributes);
    }

    private static void release(ExecutionAttributes attributes) {
        List<ReentrantLock> held = attributes.getAttribute(HELD);
        if (held != null) {
            attributes.putAttribute(HELD, null);
            held.forEach(ReentrantLock::unlock);
        }
    }

    static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.equals("[::1]");
    }

    /** The items a single-item write or a transaction writes, as table and key. */
    static TreeSet<String> items(SdkRequest request) {
        TreeSet<String> items = new TreeSet<>();
        switch (request) {
            case UpdateItemRequest update -> items.add(item(update.tableName(), update.key()));
            case DeleteItemRequest delete -> items.add(item(delete.tableName(), delete.key()));
            case TransactWriteItemsRequest transaction -> {
                for (TransactWriteItem write : transaction.transactItems()) {
                    if (write.update() != null) {
                        items.add(
                                item(write.update().tableName(), write.update().key()));
                    } else if (write.delete() != null) {
                        items.add(
                                item(write.delete().tableName(), write.delete().key()));
                    } else if (write.conditionCheck() != null) {
                        items.add(item(
                                write.conditionCheck().tableName(),
                                write.conditionCheck().key()));
                    }
                    // A put names its key only among its attributes: it is not held (puts in our
                    // transactions create items under a condition that they do not exist yet).
                }
            }
            default -> {}
        }
        return items;
    }

    private static String item(String table, Map<String, AttributeValue> key) {
        return table + "|" + new java.util.TreeMap<>(key);
    }
}
