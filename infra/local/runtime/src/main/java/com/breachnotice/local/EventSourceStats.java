package com.breachnotice.local;

/**
 * Counters of one event source, for diagnostics.
 *
 * @param name {@code <functionLogicalId>.<eventName>}
 * @param received messages received from the source's queue
 * @param invocations handler invocations
 * @param failedInvocations invocations that threw or ran over the Timeout
 * @param failedItems messages reported in {@code batchItemFailures}
 * @param deleted messages deleted after they were handled
 */
public record EventSourceStats(
        String name, long received, long invocations, long failedInvocations, long failedItems, long deleted) {}
