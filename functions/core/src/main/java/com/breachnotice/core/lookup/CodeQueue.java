package com.breachnotice.core.lookup;

/** The queue of one-time codes the sender delivers. */
public interface CodeQueue {
    void enqueue(CodeRequest request);
}
