package com.breachnotice.local;

import com.breachnotice.emulator.FunctionDefinition;
import com.breachnotice.emulator.ProvisionedStack;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the functions of a provisioned stack's template as {@link LocalFunction}s: handler, Timeout,
 * MemorySize, resolved environment, and each event source resolved to its physical queue, topic, bucket
 * or route. Event types the local runtime does not emulate are skipped with a warning.
 */
public final class TemplateFunctions {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateFunctions.class);

    private TemplateFunctions() {}

    /**
     * Every function of the stack's template that the stack has: one whose {@code Condition} is false
     * there (the edge switch, locally where the edge is off) does not exist, as in CloudFormation.
     */
    public static List<LocalFunction> of(ProvisionedStack stack) {
        List<LocalFunction> functions = new ArrayList<>();
        for (FunctionDefinition function : stack.template().functions()) {
            String skipped = stack.notProvisioned().getOrDefault(function.logicalId(), "");
            if (skipped.startsWith("condition ")) {
                LOG.info("{}: not in this stack ({})", function.logicalId(), skipped);
                continue;
            }
            functions.add(of(stack, function));
        }
        return List.copyOf(functions);
    }

    /**
     * A local runtime for every function of a provisioned stack.
     *
     * <p>With the emulator module: {@code emulator.applyToSystemProperties();
     * TemplateFunctions.runtime(stack, emulator.endpoint(), emulator.environment(), options).start()}.
     *
     * @param endpoint the emulator's endpoint ({@code LocalEmulator.endpoint()})
     * @param emulatorEnvironment added to every handler's environment ({@code LocalEmulator.environment()}:
     *     endpoints, region, credentials); the function's own variables win
     */
    public static LocalRuntime runtime(
            ProvisionedStack stack,
            URI endpoint,
            Map<String, String> emulatorEnvironment,
            LocalRuntimeOptions options) {
        AwsTarget target = new AwsTarget(
                endpoint,
                stack.region(),
                accountId(stack),
                stack.stackName(),
                emulatorEnvironment.getOrDefault("AWS_ACCESS_KEY_ID", "test"),
                emulatorEnvironment.getOrDefault("AWS_SECRET_ACCESS_KEY", "test"),
                emulatorEnvironment);
        return LocalRuntime.create(of(stack), target, options);
    }

    /** The account id the stack's ARNs carry ({@code AWS::AccountId}). */
    public static String accountId(ProvisionedStack stack) {
        return stack.resolveString(Map.of("Ref", "AWS::AccountId"));
    }

    static LocalFunction of(ProvisionedStack stack, FunctionDefinition function) {
        List<EventSourceDefinition> sources = new ArrayList<>();
        for (com.breachnotice.emulator.EventSourceDefinition event : function.events()) {
            switch (event.type()) {
                case com.breachnotice.emulator.EventSourceDefinition.SQS -> {
                    String queue = requireSource(function, event);
                    sources.add(new EventSourceDefinition.Sqs(
                            event.name(),
                            stack.physicalId(queue),
                            stack.attribute(queue, "Arn"),
                            event.batchSize(),
                            event.reportsBatchItemFailures(),
                            event.maximumConcurrencyValue()
                                    .map(value -> value instanceof Number n
                                            ? n.intValue()
                                            : Integer.parseInt(stack.resolveString(value)))
                                    .orElse(0)));
                }
                case com.breachnotice.emulator.EventSourceDefinition.SNS ->
                    sources.add(new EventSourceDefinition.Sns(
                            event.name(), stack.resolveString(requireProperty(function, event, "Topic"))));
                case com.breachnotice.emulator.EventSourceDefinition.S3 ->
                    sources.add(new EventSourceDefinition.S3(
                            event.name(),
                            stack.resolveString(requireProperty(function, event, "Bucket")),
                            event.s3Events(),
                            event.s3KeyFilter("prefix").orElse(null),
                            event.s3KeyFilter("suffix").orElse(null)));
                case "CloudWatchLogs" ->
                    sources.add(new EventSourceDefinition.CloudWatchLogs(
                            event.name(), stack.resolveString(requireProperty(function, event, "LogGroupName"))));
                case com.breachnotice.emulator.EventSourceDefinition.HTTP_API ->
                    sources.add(new EventSourceDefinition.HttpApi(
                            event.name(),
                            event.method().orElse(null),
                            event.path().orElse(null)));
                default ->
                    LOG.warn(
                            "{}.{}: event type {} is not emulated locally, skipped",
                            function.logicalId(),
                            event.name(),
                            event.type());
            }
        }
        String functionName = function.property("FunctionName")
                .map(stack::resolveString)
                .orElse(stack.stackName() + "-" + function.logicalId());
        return new LocalFunction(
                function.logicalId(),
                functionName,
                function.handler(),
                Duration.ofSeconds(function.timeoutSeconds()),
                function.memorySize(),
                stack.functionEnvironment(function.logicalId()),
                sources);
    }

    private static String requireSource(
            FunctionDefinition function, com.breachnotice.emulator.EventSourceDefinition event) {
        return event.sourceLogicalId()
                .orElseThrow(() -> new IllegalArgumentException(function.logicalId() + "." + event.name()
                        + ": the source must be a !Ref or !GetAtt of a template resource"));
    }

    private static Object requireProperty(
            FunctionDefinition function, com.breachnotice.emulator.EventSourceDefinition event, String name) {
        Object value = event.properties().get(name);
        if (value == null) {
            throw new IllegalArgumentException(function.logicalId() + "." + event.name() + " has no " + name);
        }
        return value;
    }
}
