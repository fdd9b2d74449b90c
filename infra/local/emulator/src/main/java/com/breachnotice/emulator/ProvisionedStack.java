package com.breachnotice.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resources of {@code template.yaml} as they exist in the emulator under one name prefix (the
 * stack name): physical ids, attributes, resolved outputs and the resolved environment of each
 * function. Made by {@link ResourceProvisioner#provision(String)}.
 */
public final class ProvisionedStack {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisionedStack.class);

    /**
     * What exists for one logical id.
     *
     * @param ref the value of {@code !Ref}: table name, queue URL, bucket name, key id, topic ARN...
     * @param attributes the values of {@code !GetAtt} by attribute name ({@code Arn}, {@code QueueName}...)
     */
    record Physical(String ref, Map<String, String> attributes) {}

    private final CloudFormationTemplate template;
    private final String stackName;
    private final String region;
    private final Map<String, Physical> physical;
    private final Map<String, String> notProvisioned;
    private final IntrinsicResolver resolver;

    ProvisionedStack(
            CloudFormationTemplate template,
            String stackName,
            String region,
            Map<String, String> parameters,
            Map<String, Physical> physical,
            Map<String, String> notProvisioned) {
        this.template = template;
        this.stackName = stackName;
        this.region = region;
        this.physical = physical;
        this.notProvisioned = notProvisioned;
        this.resolver = new IntrinsicResolver(template, parameters, region, stackName, new Lookup());
    }

    /** The parsed template this stack was created from. */
    public CloudFormationTemplate template() {
        return template;
    }

    /** The name prefix, which {@code ${AWS::StackName}} resolves to. */
    public String stackName() {
        return stackName;
    }

    public String region() {
        return region;
    }

    /**
     * The value {@code !Ref logicalId} resolves to: table name, queue URL, bucket name, KMS key id,
     * secret ARN, topic ARN, alias name; for resources the emulator does not hold but that have a
     * name (SES configuration set, log groups, functions) that name.
     *
     * @throws IllegalArgumentException when the template has no such resource or it has no local value
     */
    public String physicalId(String logicalId) {
        return lookup(logicalId).ref();
    }

    /** The value of {@code !GetAtt logicalId.attribute} ({@code Arn}, {@code QueueName}, {@code QueueUrl}...). */
    public String attribute(String logicalId, String attribute) {
        String value = lookup(logicalId).attributes().get(attribute);
        if (value == null) {
            throw new IllegalArgumentException(logicalId + "." + attribute + " has no local value (known: "
                    + lookup(logicalId).attributes().keySet() + ")");
        }
        return value;
    }

    /** Resolves any template value (intrinsics in long form) against this stack. */
    public Object resolve(Object templateValue) {
        return resolver.resolve(templateValue);
    }

    /** Resolves a template value that must come out as a single string. */
    public String resolveString(Object templateValue) {
        return resolver.resolveString(templateValue);
    }

    /**
     * The template's Outputs, resolved. Outputs that need something the emulator does not provide
     * (the HTTP API's URL) are left out; {@link #unresolvedOutputs()} says which and why.
     */
    public Map<String, String> outputs() {
        Map<String, String> outputs = new LinkedHashMap<>();
        template.outputs().forEach((name, definition) -> {
            if (!conditionHolds(definition)) {
                return;
            }
            Object value = value(definition);
            if (value != null) {
                try {
                    outputs.put(name, resolver.resolveString(value));
                } catch (IllegalArgumentException e) {
                    LOG.debug("output {} not resolved locally: {}", name, e.getMessage());
                }
            }
        });
        return Collections.unmodifiableMap(outputs);
    }

    /** Outputs that {@link #outputs()} leaves out, with the reason. */
    public Map<String, String> unresolvedOutputs() {
        Map<String, String> unresolved = new LinkedHashMap<>();
        template.outputs().forEach((name, definition) -> {
            if (!conditionHolds(definition)) {
                return;
            }
            Object value = value(definition);
            if (value == null) {
                unresolved.put(name, "no Value");
                return;
            }
            try {
                resolver.resolveString(value);
            } catch (IllegalArgumentException e) {
                unresolved.put(name, String.valueOf(e.getMessage()));
            }
        });
        return Collections.unmodifiableMap(unresolved);
    }

    /**
     * The environment variables a function receives, resolved: {@code Globals.Function} merged with
     * the function's own {@code Environment.Variables}. This is what its handler gets.
     */
    public Map<String, String> functionEnvironment(String functionLogicalId) {
        FunctionDefinition function = template.requireFunction(functionLogicalId);
        Map<String, String> environment = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> environment.put(name, resolver.resolveString(value)));
        return Collections.unmodifiableMap(environment);
    }

    /** Logical ids that exist in the emulator. */
    public List<String> provisioned() {
        return physical.keySet().stream()
                .filter(id -> !notProvisioned.containsKey(id))
                .toList();
    }

    /** Logical ids the emulator does not hold, with the reason (type not emulated, condition false...). */
    public Map<String, String> notProvisioned() {
        return Collections.unmodifiableMap(notProvisioned);
    }

    /** A readable account of what was created and what was skipped, and why. */
    public String description() {
        StringBuilder text = new StringBuilder("stack ")
                .append(stackName)
                .append(" in ")
                .append(region)
                .append('\n');
        template.resources().forEach((id, resource) -> {
            String reason = notProvisioned.get(id);
            Physical p = physical.get(id);
            text.append("  ").append(id).append(" (").append(resource.type()).append("): ");
            if (reason != null) {
                text.append("skipped: ").append(reason);
            } else if (p != null) {
                text.append(p.ref());
            }
            text.append('\n');
        });
        return text.toString();
    }

    @Override
    public String toString() {
        return "ProvisionedStack[" + stackName + "]";
    }

    private Physical lookup(String logicalId) {
        Physical p = physical.get(logicalId);
        if (p == null) {
            String reason = notProvisioned.get(logicalId);
            throw new IllegalArgumentException(
                    reason != null
                            ? logicalId + " has no local value: " + reason
                            : "template.yaml has no resource " + logicalId);
        }
        return p;
    }

    /** An output whose Condition is false does not exist, as in CloudFormation (the edge's URLs locally). */
    private boolean conditionHolds(Object definition) {
        Map<String, Object> map = TemplateYaml.asMap(definition);
        return map == null || !(map.get("Condition") instanceof String name) || resolver.condition(name);
    }

    private static @Nullable Object value(Object definition) {
        Map<String, Object> map = TemplateYaml.asMap(definition);
        return map == null ? null : map.get("Value");
    }

    Optional<Physical> physical(String logicalId) {
        return Optional.ofNullable(physical.get(logicalId));
    }

    private final class Lookup implements IntrinsicResolver.Resources {
        @Override
        public String ref(String logicalId) {
            return physicalId(logicalId);
        }

        @Override
        public String attribute(String logicalId, String attribute) {
            return ProvisionedStack.this.attribute(logicalId, attribute);
        }
    }
}
