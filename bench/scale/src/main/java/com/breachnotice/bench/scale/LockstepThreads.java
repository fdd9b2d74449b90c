package com.breachnotice.bench.scale;

import com.breachnotice.core.sending.TaskThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sender's task threads on the model's shared clock: each task a lockstep thread of its own,
 * counted in before it starts and out when it ends, and a thread that waits for a task's result
 * stands aside from the clock meanwhile. So every job of every sender instance reserves, waits and
 * calls at its own virtual time, in the same time line as the other instances' jobs. (A sender
 * invocation run ahead on a time line of its own found the schedule "idle" where senders not yet
 * run would have reserved, and restarted it: a hole in the send rate that production has not.)
 *
 * <p>Platform threads, so that each task's CPU can be measured and charged to its own time; the
 * CPU the tasks used is kept for the instance's account ({@link #takeCpu}).
 */
final class LockstepThreads implements TaskThreads {

    private final VirtualTime time;
    private final AtomicLong cpu = new AtomicLong();

    LockstepThreads(VirtualTime time) {
        this.time = time;
    }

    @Override
    public ExecutorService open(String name) {
        return new Executor(name);
    }

    /** The virtual CPU the tasks charged since the last call. */
    long takeCpu() {
        return cpu.getAndSet(0);
    }

    private final class Executor extends AbstractExecutorService {
        private final String name;
        private final List<Task<?>> tasks = new ArrayList<>();
        private boolean shutdown;
        private int started;

        Executor(String name) {
            this.name = name;
        }

        @Override
        protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
            return new Task<>(callable);
        }

        @Override
        protected <T> RunnableFuture<T> newTaskFor(Runnable runnable, T value) {
            return new Task<>(runnable, value);
        }

        @Override
        public void execute(Runnable command) {
            Task<?> task = command instanceof Task<?> t ? t : new Task<>(command, Boolean.TRUE);
            String threadName;
            synchronized (this) {
                if (shutdown) {
                    throw new java.util.concurrent.RejectedExecutionException("shut down");
                }
                tasks.add(task);
                threadName = name + started++;
            }
            time.startTask();
            Thread.ofPlatform().daemon(true).name(threadName).start(() -> {
                try {
                    time.discardCpu();
                    task.run();
                } finally {
                    time.endTask(task);
                    cpu.addAndGet(time.cpuCharged());
                }
            });
        }

        @Override
        public synchronized void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown();
            return List.of();
        }

        @Override
        public synchronized boolean isShutdown() {
            return shutdown;
        }

        @Override
        public synchronized boolean isTerminated() {
            return shutdown && tasks.stream().allMatch(Task::isDone);
        }

        /** Waits for every task on the clock's terms (the wait takes no virtual time of its own). */
        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            List<Task<?>> all;
            synchronized (this) {
                all = List.copyOf(tasks);
            }
            for (Task<?> task : all) {
                try {
                    task.get();
                } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                    // the task's user sees its outcome through its own future
                }
            }
            return true;
        }
    }

    /**
     * A task whose result waits on the clock's terms. Its thread sleeps off what it ran ahead before
     * the result is set, so that a thread waiting for it goes on at the task's end time.
     */
    private final class Task<T> extends FutureTask<T> {
        Task(Callable<T> callable) {
            super(() -> {
                try {
                    return callable.call();
                } finally {
                    time.sync();
                }
            });
        }

        Task(Runnable runnable, T value) {
            this(Executors.callable(runnable, value));
        }

        @Override
        public T get() throws InterruptedException, ExecutionException {
            time.awaitTask(this, this::isDone);
            return super.get();
        }

        @Override
        public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            time.awaitTask(this, this::isDone);
            return super.get(timeout, unit);
        }
    }
}
