package com.breachnotice.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One {@code AWS::Serverless::Function} of the template, with {@code Globals.Function} merged in
 * the way SAM merges it. This is what the local runtime reads to know which handler to invoke, with
 * which environment and on which events.
 *
 * @param logicalId the function's logical id, for example {@code NoticeFunction}
 * @param handler {@code Handler}, for example {@code com.breachnotice.sender.NoticeHandler::handleRequest}
 * @param codeUri {@code CodeUri}, relative to the repository root ({@code functions/sender/target/sender.zip})
 * @param runtime {@code Runtime} ({@code java21})
 * @param timeoutSeconds {@code Timeout}; SAM's default of 3 s when neither the function nor Globals set it
 * @param memorySize {@code MemorySize} in MB; 128 by default
 * @param environment {@code Environment.Variables}, Globals merged, values unresolved (intrinsics in long
 *     form); {@link ProvisionedStack#functionEnvironment(String)} gives the resolved strings
 * @param events the function's {@code Events}, in template order
 * @param properties every merged property, unresolved, for anything not covered above
 */
public record FunctionDefinition(
        String logicalId,
        String handler,
        String codeUri,
        String runtime,
        int timeoutSeconds,
        int memorySize,
        Map<String, Object> environment,
        List<EventSourceDefinition> events,
        Map<String, Object> properties) {

    /** The resource type of serverless functions. */
    public static final String TYPE = "AWS::Serverless::Function";

    public FunctionDefinition {
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        events = List.copyOf(events);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The class part of {@link #handler()}: {@code com.breachnotice.sender.NoticeHandler}. */
    public String handlerClass() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }

    /** The method part of {@link #handler()}, {@code handleRequest} when the handler names none. */
    public String handlerMethod() {
        int separator = handler.indexOf("::");
        return separator < 0 ? "handleRequest" : handler.substring(separator + 2);
    }

    /** The events of one type ({@link EventSourceDefinition#SQS}, {@code S3}, {@code SNS}, {@code HttpApi}). */
    public List<EventSourceDefinition> events(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    public Optional<Object> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    static FunctionDefinition of(CloudFormationTemplate.Resource resource, Map<String, Object> functionGlobals) {
        Map<String, Object> merged = CloudFormationTemplate.mergeGlobals(functionGlobals, resource.properties());
        String where = "Resources." + resource.logicalId() + ".Properties.";
        Map<String, Object> environment = Map.of();
        Map<String, Object> environmentSection = TemplateYaml.asMap(merged.get("Environment"));
        if (environmentSection != null) {
            Map<String, Object> variables = TemplateYaml.asMap(environmentSection.get("Variables"));
            if (variables != null) {
                environment = variables;
            }
        }
        List<EventSourceDefinition> events = new ArrayList<>();
        Map<String, Object> eventSection = TemplateYaml.asMap(merged.get("Events"));
        if (eventSection != null) {
            eventSection.forEach((name, value) -> {
                Map<String, Object> event = CloudFormationTemplate.requireMap(value, where + "Events." + name);
                Map<String, Object> eventProperties = TemplateYaml.asMap(event.get("Properties"));
                events.add(new EventSourceDefinition(
                        name,
                        text(event.get("Type"), where + "Events." + name + ".Type"),
                        eventProperties == null ? Map.of() : eventProperties));
            });
        }
        return new FunctionDefinition(
                resource.logicalId(),
                text(merged.get("Handler"), where + "Handler"),
                text(merged.get("CodeUri"), where + "CodeUri"),
                merged.get("Runtime") instanceof String runtime ? runtime : "",
                integer(merged.get("Timeout"), 3, where + "Timeout"),
                integer(merged.get("MemorySize"), 128, where + "MemorySize"),
                environment,
                events,
                merged);
    }

    private static String text(@Nullable Object value, String where) {
        if (value instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException(where + " must be a literal string, got " + value);
    }

    private static int integer(@Nullable Object value, int fallback, String where) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value instanceof String text && text.matches("\\d+")) {
            return Integer.parseInt(text);
        }
        throw new IllegalArgumentException(where + " must be a literal number, got " + value);
    }
}
