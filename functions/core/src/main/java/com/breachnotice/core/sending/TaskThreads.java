package com.breachnotice.core.sending;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where a sender runs work side by side (the jobs of a batch, the texts of a job): one virtual
 * thread per task, named so that a thread dump says whose work a thread is doing. A seam only for
 * the scale model (bench/scale), which runs the same tasks on threads of its own virtual clock.
 */
@FunctionalInterface
public interface TaskThreads {

    /** Virtual threads named {@code name} and a counter: what every function uses. */
    TaskThreads VIRTUAL = name ->
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name, 0).factory());

    /** An executor that starts each task on a thread of its own, closed by its user. */
    ExecutorService open(String name);
}
