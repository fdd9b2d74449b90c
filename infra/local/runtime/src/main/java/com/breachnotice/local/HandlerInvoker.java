package com.breachnotice.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invokes the handler class a function names, the way Lambda does: the class is loaded by name, each
 * instance is built once through its {@code Map<String, String>} (environment) constructor and reused
 * like a warm execution environment.
 *
 * <p>Concurrency: at most {@code concurrency} invocations run at once, each on its own handler instance
 * (like {@code concurrency} warm containers); an instance never runs two invocations at the same time,
 * so handlers need no more thread-safety locally than on Lambda. Callers beyond the limit wait. The first
 * instance is built by {@link #initialize()} so that a missing environment variable fails at start-up;
 * further ones are built on demand.
 *
 * <p>Timeout: an invocation still running at its function's {@code Timeout} is stopped as Lambda stops
 * it. Its result is discarded (an SQS batch is then not deleted and comes back after its visibility
 * timeout), its worker thread is interrupted and left behind, and its handler instance is never used
 * again: the next invocation runs on a new thread with a new instance, like a new execution
 * environment.
 */
public final class HandlerInvoker {

    private static final Logger LOG = LoggerFactory.getLogger(HandlerInvoker.class);

    private final LocalFunction function;
    private final Map<String, String> environment;
    private final String functionArn;
    private final Constructor<?> constructor;
    private final Method method;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<Object> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger instances = new AtomicInteger();
    private final Clock clock;
    private final InvocationListener listener;
    private final LambdaLogger lambdaLogger;
    /** Runs invocations; a timed-out one keeps its thread busy and the next gets a new one. */
    private final ExecutorService workers;

    /**
     * @param function the function, whose {@code Handler} names the class and method
     * @param environment the environment the handler instances are built with
     * @param functionArn the ARN the context reports
     * @param concurrency how many invocations may run at once, each on its own instance
     */
    public HandlerInvoker(
            LocalFunction function,
            Map<String, String> environment,
            String functionArn,
            int concurrency,
            Clock clock,
            InvocationListener listener,
            ClassLoader classLoader) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.function = function;
        this.environment = Map.copyOf(environment);
        this.functionArn = functionArn;
        this.permits = new Semaphore(concurrency, true);
        this.clock = clock;
        this.listener = listener;
        this.lambdaLogger = new Slf4jLambdaLogger(function.logicalId());
        AtomicInteger workerNumbers = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread worker = new Thread(task, function.logicalId() + "-worker-" + workerNumbers.incrementAndGet());
            worker.setDaemon(true);
            return worker;
        });
        Class<?> handlerClass = loadClass(function, classLoader);
        this.constructor = environmentConstructor(handlerClass, function);
        this.method = handlerMethod(handlerClass, function);
    }

    /** The function this invoker runs. */
    public LocalFunction function() {
        return function;
    }

    /** The event type the handler method accepts (its first parameter). */
    public Class<?> eventType() {
        return method.getParameterTypes()[0];
    }

    /** Whether the handler accepts events of the given class. */
    public boolean accepts(Class<?> eventClass) {
        return eventType().isAssignableFrom(eventClass);
    }

    /** Builds the first instance now, so that a handler that cannot start fails the local runtime at once. */
    public void initialize() {
        if (instances.get() == 0) {
            idle.add(newInstance());
        }
    }

    /**
     * Invokes the handler with one event, waiting for a free instance when all are busy.
     *
     * @throws InterruptedException when interrupted while waiting for a free instance
     */
    public Invocation invoke(Object event) throws InterruptedException {
        permits.acquire();
        try {
            return invokeWithPermit(event);
        } finally {
            permits.release();
        }
    }

    private Invocation invokeWithPermit(Object event) {
        String requestId = UUID.randomUUID().toString();
        Instant started = clock.instant();
        Instant deadline = started.plus(function.timeout());
        @Nullable Object result = null;
        @Nullable Throwable error = null;
        boolean timedOut = false;
        Object instance = null;
        try {
            instance = Optional.ofNullable(idle.poll()).orElseGet(this::newInstance);
            LocalLambdaContext context =
                    new LocalLambdaContext(requestId, function, functionArn, deadline, clock, lambdaLogger);
            Object target = instance;
            Future<Optional<Object>> running = workers.submit(() -> Optional.ofNullable(
                    method.getParameterCount() == 2
                            ? method.invoke(target, event, context)
                            : method.invoke(target, event)));
            try {
                result = running.get(function.timeout().toNanos(), TimeUnit.NANOSECONDS)
                        .orElse(null);
            } catch (TimeoutException e) {
                // Lambda stops the invocation at its Timeout and throws its execution environment away:
                // the result is lost, and the next invocation gets a fresh instance on a fresh thread.
                // A Java thread cannot be killed; it is interrupted, and its instance is never reused.
                timedOut = true;
                running.cancel(true);
                instance = null;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                error = cause instanceof InvocationTargetException ite && ite.getCause() != null
                        ? ite.getCause()
                        : cause;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.cancel(true);
                error = e;
                instance = null;
            }
        } catch (RuntimeException | LinkageError e) {
            error = e;
        } finally {
            if (instance != null) {
                idle.add(instance);
            }
        }
        Duration duration = Duration.between(started, clock.instant());
        Invocation.Outcome outcome;
        if (error != null) {
            outcome = Invocation.Outcome.FAILED;
            LOG.warn(
                    "{} failed on {} (request {}): {}",
                    function.logicalId(),
                    event.getClass().getSimpleName(),
                    requestId,
                    error.toString(),
                    error);
            result = null;
        } else if (timedOut || duration.compareTo(function.timeout()) > 0) {
            outcome = Invocation.Outcome.TIMED_OUT;
            LOG.warn(
                    "{} stopped at its Timeout of {} s (request {}): result discarded, instance replaced",
                    function.logicalId(),
                    function.timeout().toSeconds(),
                    requestId);
            result = null;
        } else {
            outcome = Invocation.Outcome.SUCCEEDED;
        }
        Invocation invocation = new Invocation(
                function.logicalId(),
                event.getClass().getSimpleName(),
                requestId,
                started,
                duration,
                outcome,
                result,
                error);
        try {
            listener.invoked(invocation);
        } catch (RuntimeException e) {
            LOG.warn("invocation listener failed", e);
        }
        return invocation;
    }

    /** How many handler instances were built (a timed-out invocation's instance is replaced). */
    int instancesBuilt() {
        return instances.get();
    }

    private Object newInstance() {
        try {
            Object instance = constructor.newInstance(environment);
            instances.incrementAndGet();
            return instance;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(
                    "Handler " + function.handlerClassName() + " of " + function.logicalId() + " failed to start: "
                            + cause,
                    cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot instantiate " + function.handlerClassName(), e);
        }
    }

    private static Class<?> loadClass(LocalFunction function, ClassLoader classLoader) {
        try {
            return Class.forName(function.handlerClassName(), false, classLoader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "Handler class " + function.handlerClassName() + " of " + function.logicalId()
                            + " is not on the class path of the local runtime",
                    e);
        }
    }

    private static Constructor<?> environmentConstructor(Class<?> handlerClass, LocalFunction function) {
        try {
            return handlerClass.getConstructor(Map.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(
                    "Handler " + handlerClass.getName() + " of " + function.logicalId()
                            + " needs a public constructor taking Map<String, String> (its environment)",
                    e);
        }
    }

    /**
     * The public {@code handleRequest(Event, Context)} (or {@code (Event)}) method, skipping the bridge
     * method a generic {@code RequestHandler} implementation also has.
     */
    private static Method handlerMethod(Class<?> handlerClass, LocalFunction function) {
        return Arrays.stream(handlerClass.getMethods())
                .filter(m -> m.getName().equals(function.handlerMethodName()))
                .filter(m -> !m.isBridge() && !m.isSynthetic())
                .filter(m -> m.getParameterCount() == 1
                        || (m.getParameterCount() == 2 && m.getParameterTypes()[1] == Context.class))
                .max(Comparator.comparingInt(Method::getParameterCount)
                        .thenComparing(m -> m.getParameterTypes()[0] != Object.class))
                .orElseThrow(() -> new IllegalStateException("Handler " + handlerClass.getName() + " of "
                        + function.logicalId() + " has no public method " + function.handlerMethodName()
                        + "(event, Context)"));
    }
}
