package com.breachnotice.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One function of the template, resolved against the provisioned stack: what the local runtime needs to
 * instantiate its handler and feed it events.
 *
 * @param logicalId logical id in template.yaml, for example {@code IngestFunction}
 * @param functionName the name Lambda would give it ({@code FunctionName}, or {@code <stack>-<logicalId>})
 * @param handler the {@code Handler} property, {@code com.example.SomeHandler::handleRequest}
 * @param timeout the function's {@code Timeout}
 * @param memoryMb the function's {@code MemorySize}, reported by the context
 * @param environment the function's resolved environment variables
 * @param eventSources the function's {@code Events}, resolved to physical resources
 */
public record LocalFunction(
        String logicalId,
        String functionName,
        String handler,
        Duration timeout,
        int memoryMb,
        Map<String, String> environment,
        List<EventSourceDefinition> eventSources) {

    public LocalFunction {
        if (!handler.contains("::")) {
            throw new IllegalArgumentException(
                    "Handler of " + logicalId + " must be <class>::<method>, was: " + handler);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Timeout of " + logicalId + " must be positive");
        }
        environment = Map.copyOf(environment);
        eventSources = List.copyOf(eventSources);
    }

    String handlerClassName() {
        return handler.substring(0, handler.indexOf("::"));
    }

    String handlerMethodName() {
        return handler.substring(handler.indexOf("::") + 2);
    }
}
