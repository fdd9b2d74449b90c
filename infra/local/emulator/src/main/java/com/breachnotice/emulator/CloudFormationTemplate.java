package com.breachnotice.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code template.yaml}: resources by logical id and type, Globals, Parameters, Conditions,
 * Outputs and the serverless functions with their event sources.
 *
 * <p>Values are kept as the template states them: intrinsic functions appear in their long form
 * ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["X", "Arn"]}}, {@code {"Fn::Sub": "..."}}). {@link
 * ProvisionedStack#resolve(Object)} turns them into physical values once the resources exist.
 */
public final class CloudFormationTemplate {

    /** The file name looked for when walking up to the repository root. */
    public static final String FILE_NAME = "template.yaml";

    /**
     * One entry of {@code Resources}.
     *
     * @param logicalId the key under {@code Resources}
     * @param type for example {@code AWS::DynamoDB::Table} or {@code AWS::Serverless::Function}
     * @param properties {@code Properties}, empty when absent (raw: intrinsics unresolved)
     * @param definition the whole entry, including {@code DependsOn}, {@code Condition}, policies
     */
    public record Resource(
            String logicalId, String type, Map<String, Object> properties, Map<String, Object> definition) {

        public Optional<Object> property(String name) {
            return Optional.ofNullable(properties.get(name));
        }
    }

    private final Map<String, Object> root;
    private final Map<String, Resource> resources;
    private final @Nullable Path file;

    private CloudFormationTemplate(Map<String, Object> root, @Nullable Path file) {
        this.root = root;
        this.file = file;
        Map<String, Resource> byId = new LinkedHashMap<>();
        section("Resources").forEach((logicalId, value) -> {
            Map<String, Object> definition = requireMap(value, "Resources." + logicalId);
            Object type = definition.get("Type");
            if (!(type instanceof String typeName)) {
                throw new IllegalArgumentException("Resources." + logicalId + " has no Type");
            }
            Map<String, Object> properties = TemplateYaml.asMap(definition.get("Properties"));
            byId.put(
                    logicalId,
                    new Resource(
                            logicalId,
                            typeName,
                            properties == null ? Map.of() : Collections.unmodifiableMap(properties),
                            Collections.unmodifiableMap(definition)));
        });
        this.resources = Collections.unmodifiableMap(byId);
    }

    /** Parses YAML text (short-form tags allowed). */
    public static CloudFormationTemplate parse(String yaml) {
        return new CloudFormationTemplate(requireMap(TemplateYaml.load(yaml), "template"), null);
    }

    public static CloudFormationTemplate load(Path file) {
        try {
            return new CloudFormationTemplate(
                    requireMap(TemplateYaml.load(Files.readString(file)), file.toString()), file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Loads {@code template.yaml} of the repository holding the working directory. */
    public static CloudFormationTemplate loadFromRepository() {
        return load(repositoryRoot(Path.of("").toAbsolutePath()).resolve(FILE_NAME));
    }

    /** The nearest folder at or above {@code start} that holds {@code template.yaml}. */
    public static Path repositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(FILE_NAME))) {
                return dir;
            }
        }
        throw new IllegalStateException("no " + FILE_NAME + " at or above " + start.toAbsolutePath());
    }

    /** The file this template was loaded from, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The whole document. */
    public Map<String, Object> root() {
        return Collections.unmodifiableMap(root);
    }

    /** Every resource, in template order. */
    public Map<String, Resource> resources() {
        return resources;
    }

    public Optional<Resource> resource(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId));
    }

    public Resource requireResource(String logicalId) {
        return resource(logicalId)
                .orElseThrow(() -> new IllegalArgumentException("template.yaml has no resource " + logicalId));
    }

    public List<Resource> resourcesOfType(String type) {
        return resources.values().stream().filter(r -> r.type().equals(type)).toList();
    }

    public Map<String, Object> parameters() {
        return section("Parameters");
    }

    public Map<String, Object> conditions() {
        return section("Conditions");
    }

    public Map<String, Object> mappings() {
        return section("Mappings");
    }

    public Map<String, Object> globals() {
        return section("Globals");
    }

    /** {@code Globals.Function}, empty when absent. */
    public Map<String, Object> functionGlobals() {
        Map<String, Object> function = TemplateYaml.asMap(globals().get("Function"));
        return function == null ? Map.of() : Collections.unmodifiableMap(function);
    }

    /** Outputs by name; each value is the output's definition ({@code Value}, {@code Description}...). */
    public Map<String, Object> outputs() {
        return section("Outputs");
    }

    /** Every {@code AWS::Serverless::Function}, with {@code Globals.Function} merged in, in template order. */
    public List<FunctionDefinition> functions() {
        List<FunctionDefinition> functions = new ArrayList<>();
        for (Resource resource : resourcesOfType(FunctionDefinition.TYPE)) {
            functions.add(FunctionDefinition.of(resource, functionGlobals()));
        }
        return List.copyOf(functions);
    }

    public Optional<FunctionDefinition> function(String logicalId) {
        return resource(logicalId)
                .filter(r -> r.type().equals(FunctionDefinition.TYPE))
                .map(r -> FunctionDefinition.of(r, functionGlobals()));
    }

    public FunctionDefinition requireFunction(String logicalId) {
        return function(logicalId)
                .orElseThrow(() -> new IllegalArgumentException("template.yaml has no function " + logicalId));
    }

    private Map<String, Object> section(String name) {
        Object value = root.get(name);
        if (value == null) {
            return Map.of();
        }
        return Collections.unmodifiableMap(requireMap(value, name));
    }

    static Map<String, Object> requireMap(@Nullable Object value, String where) {
        Map<String, Object> map = TemplateYaml.asMap(value);
        if (map == null) {
            throw new IllegalArgumentException(where + " is not a map");
        }
        return map;
    }

    /**
     * SAM's Globals semantics: maps merge key by key (the function wins), lists are concatenated
     * (globals first), anything else the function's value replaces.
     */
    static Map<String, Object> mergeGlobals(Map<String, Object> globals, Map<String, Object> own) {
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        own.forEach((key, value) -> {
            Object global = merged.get(key);
            Map<String, Object> globalMap = TemplateYaml.asMap(global);
            Map<String, Object> ownMap = TemplateYaml.asMap(value);
            if (globalMap != null && ownMap != null && !isIntrinsic(globalMap) && !isIntrinsic(ownMap)) {
                merged.put(key, mergeGlobals(globalMap, ownMap));
            } else if (global instanceof List<?> globalList && value instanceof List<?> ownList) {
                List<Object> both = new ArrayList<>(globalList);
                both.addAll(ownList);
                merged.put(key, both);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    static boolean isIntrinsic(Map<String, Object> map) {
        if (map.size() != 1) {
            return false;
        }
        String key = map.keySet().iterator().next();
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }
}
