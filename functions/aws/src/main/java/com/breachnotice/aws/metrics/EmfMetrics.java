package com.breachnotice.aws.metrics;

import com.breachnotice.core.metrics.Metrics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * {@link Metrics} as CloudWatch embedded metric format: one JSON object per count, on its own line
 * on standard output, which Lambda hands to CloudWatch Logs, where the metric is extracted. No SDK
 * call, no permission beyond writing logs, no latency on the request.
 *
 * <p>Standard output rather than the logger: an EMF document must be the whole log event, and the
 * logger would wrap it in its own JSON. Dimension values pass {@link Metrics#safeValue}, so nothing
 * that is not a code can reach a dimension.
 */
public final class EmfMetrics implements Metrics {

    /** The namespace of every metric of the stack, named in template.yaml's alarms. */
    public static final String NAMESPACE = "BreachNotice";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final Consumer<String> out;
    private final Clock clock;

    /** Writes to {@code out} (a test captures the lines); {@code service} is the function's role. */
    public EmfMetrics(String service, Consumer<String> out, Clock clock) {
        this.service = Metrics.safeValue(service);
        this.out = out;
        this.clock = clock;
    }

    /** The lookup function's metrics, on standard output. */
    public static EmfMetrics lookup() {
        return onStandardOutput("lookup");
    }

    /** The notice sender's metrics (notices sent, failed, retried per channel), on standard output. */
    public static EmfMetrics noticeSender() {
        return onStandardOutput("notice_sender");
    }

    /** The code sender's metrics, on standard output. */
    public static EmfMetrics codeSender() {
        return onStandardOutput("code_sender");
    }

    @SuppressWarnings("SystemOut") // EMF is read from the function's standard output; see the class comment.
    private static EmfMetrics onStandardOutput(String service) {
        PrintStream stdout = System.out;
        return new EmfMetrics(
                service,
                line -> {
                    synchronized (stdout) {
                        stdout.println(line);
                    }
                },
                Clock.systemUTC());
    }

    @Override
    public void count(String metric, String dimension, String value) {
        count(metric, dimension, value, 1);
    }

    /** One record for the whole sum: CloudWatch adds the values of a metric's records. */
    @Override
    public void count(String metric, String dimension, String value, long amount) {
        if (amount <= 0) {
            return;
        }
        ObjectNode document = JSON.createObjectNode();
        ObjectNode aws = document.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        String name = Metrics.safeValue(dimension);
        directive
                .putArray("Dimensions")
                .add(JSON.createArrayNode().add("service").add(name));
        directive.putArray("Metrics").addObject().put("Name", metric).put("Unit", "Count");
        document.put("service", service);
        document.put(name, Metrics.safeValue(value));
        document.put(metric, amount);
        out.accept(write(document));
    }

    private static String write(ObjectNode document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
