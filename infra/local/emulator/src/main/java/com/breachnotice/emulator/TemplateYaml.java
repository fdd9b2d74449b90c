package com.breachnotice.emulator;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation YAML: every short-form intrinsic function tag ({@code !Ref}, {@code !GetAtt},
 * {@code !Sub}...) becomes the long-form map that JSON templates use ({@code {"Ref": ...}},
 * {@code {"Fn::GetAtt": [...]}}), so the rest of the code handles one form only.
 */
final class TemplateYaml {

    /** Short-form tag name to long-form key. */
    static final Map<String, String> INTRINSICS = Map.ofEntries(
            Map.entry("Ref", "Ref"),
            Map.entry("Condition", "Condition"),
            Map.entry("GetAtt", "Fn::GetAtt"),
            Map.entry("Sub", "Fn::Sub"),
            Map.entry("Join", "Fn::Join"),
            Map.entry("Select", "Fn::Select"),
            Map.entry("If", "Fn::If"),
            Map.entry("Equals", "Fn::Equals"),
            Map.entry("Not", "Fn::Not"),
            Map.entry("And", "Fn::And"),
            Map.entry("Or", "Fn::Or"),
            Map.entry("GetAZs", "Fn::GetAZs"),
            Map.entry("Split", "Fn::Split"),
            Map.entry("FindInMap", "Fn::FindInMap"),
            Map.entry("ImportValue", "Fn::ImportValue"),
            Map.entry("Base64", "Fn::Base64"),
            Map.entry("Cidr", "Fn::Cidr"),
            Map.entry("Length", "Fn::Length"),
            Map.entry("ToJsonString", "Fn::ToJsonString"));

    private TemplateYaml() {}

    static Object load(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object loaded = new Yaml(new IntrinsicConstructor(options)).load(yaml);
        if (loaded == null) {
            throw new IllegalArgumentException("empty template");
        }
        return loaded;
    }

    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            // CloudFormation keeps dates such as 2010-09-09 as strings.
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
            INTRINSICS.forEach(
                    (shortName, longName) -> yamlConstructors.put(new Tag("!" + shortName), new Intrinsic(longName)));
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String longName;

            Intrinsic(String longName) {
                this.longName = longName;
            }

            @Override
            public Object construct(Node node) {
                return Map.of(longName, value(node));
            }

            private Object value(Node node) {
                if (node instanceof ScalarNode scalar) {
                    String text = scalar.getValue();
                    if (longName.equals("Fn::GetAtt")) {
                        int dot = text.indexOf('.');
                        if (dot <= 0) {
                            throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, got " + text);
                        }
                        return List.of(text.substring(0, dot), text.substring(dot + 1));
                    }
                    return text;
                }
                if (node instanceof SequenceNode sequence) {
                    return constructSequence(sequence);
                }
                if (node instanceof MappingNode mapping) {
                    return constructMapping(mapping);
                }
                throw new IllegalArgumentException("unsupported node for " + longName + ": " + node.getNodeId());
            }
        }
    }

    @SuppressWarnings("unchecked")
    static @Nullable Map<String, Object> asMap(@Nullable Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }
}
