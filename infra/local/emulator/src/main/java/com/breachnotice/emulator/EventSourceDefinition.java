package com.breachnotice.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a function's {@code Events} (SAM event source).
 *
 * @param name the key under {@code Events}, for example {@code NoticeWork}
 * @param type SAM's event type: {@link #SQS}, {@link #S3}, {@link #SNS}, {@link #HTTP_API}...
 * @param properties the event's {@code Properties}, unresolved (intrinsics in long form)
 */
public record EventSourceDefinition(String name, String type, Map<String, Object> properties) {

    public static final String SQS = "SQS";
    public static final String S3 = "S3";
    public static final String SNS = "SNS";
    public static final String HTTP_API = "HttpApi";

    public EventSourceDefinition {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * The logical id of the resource the event reads from: {@code Queue} (SQS), {@code Bucket} (S3),
     * {@code Topic} (SNS) or {@code ApiId} (HttpApi), when given as {@code !Ref X} or {@code !GetAtt X.Attr}.
     */
    public Optional<String> sourceLogicalId() {
        String key = switch (type) {
            case SQS -> "Queue";
            case S3 -> "Bucket";
            case SNS -> "Topic";
            case HTTP_API -> "ApiId";
            default -> "";
        };
        return Optional.ofNullable(referencedLogicalId(properties.get(key)));
    }

    /** SQS {@code BatchSize}; SAM's default is 10. */
    public int batchSize() {
        return properties.get("BatchSize") instanceof Number n ? n.intValue() : 10;
    }

    /** SQS: whether {@code FunctionResponseTypes} holds {@code ReportBatchItemFailures}. */
    public boolean reportsBatchItemFailures() {
        return properties.get("FunctionResponseTypes") instanceof List<?> types
                && types.contains("ReportBatchItemFailures");
    }

    /** SQS {@code ScalingConfig.MaximumConcurrency}, if set as a number. */
    public Optional<Integer> maximumConcurrency() {
        return maximumConcurrencyValue().filter(Number.class::isInstance).map(n -> ((Number) n).intValue());
    }

    /**
     * SQS {@code ScalingConfig.MaximumConcurrency} as the template gives it, if set: a number, or an
     * intrinsic (a {@code !Ref} of a parameter) for the stack to resolve.
     */
    public Optional<Object> maximumConcurrencyValue() {
        Map<String, Object> scaling = TemplateYaml.asMap(properties.get("ScalingConfig"));
        return scaling == null ? Optional.empty() : Optional.ofNullable(scaling.get("MaximumConcurrency"));
    }

    /** HttpApi {@code Method}, upper case ({@code GET}); empty for other types. */
    public Optional<String> method() {
        return properties.get("Method") instanceof String m
                ? Optional.of(m.toUpperCase(java.util.Locale.ROOT))
                : Optional.empty();
    }

    /** HttpApi {@code Path} ({@code /v1/challenges/{challengeId}/verify}); empty for other types. */
    public Optional<String> path() {
        return properties.get("Path") instanceof String p ? Optional.of(p) : Optional.empty();
    }

    /** S3 {@code Events} ({@code s3:ObjectCreated:*}), as a list. */
    public List<String> s3Events() {
        Object events = properties.get("Events");
        if (events instanceof String single) {
            return List.of(single);
        }
        if (events instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    /** S3 key filter rule value ({@code prefix} or {@code suffix}), if set. */
    public Optional<String> s3KeyFilter(String ruleName) {
        Map<String, Object> filter = TemplateYaml.asMap(properties.get("Filter"));
        Map<String, Object> s3Key = filter == null ? null : TemplateYaml.asMap(filter.get("S3Key"));
        if (s3Key != null && s3Key.get("Rules") instanceof List<?> rules) {
            for (Object rule : rules) {
                Map<String, Object> r = TemplateYaml.asMap(rule);
                if (r != null
                        && ruleName.equalsIgnoreCase(String.valueOf(r.get("Name")))
                        && r.get("Value") instanceof String v) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }

    static @Nullable String referencedLogicalId(@Nullable Object value) {
        Map<String, Object> map = TemplateYaml.asMap(value);
        if (map == null) {
            return null;
        }
        if (map.get("Ref") instanceof String ref) {
            return ref;
        }
        if (map.get("Fn::GetAtt") instanceof List<?> getAtt && !getAtt.isEmpty()) {
            return String.valueOf(getAtt.get(0));
        }
        return null;
    }
}
