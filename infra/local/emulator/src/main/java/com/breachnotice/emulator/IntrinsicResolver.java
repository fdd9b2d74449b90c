package com.breachnotice.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Resolves CloudFormation intrinsic functions (long form) against pseudo parameters, parameters,
 * conditions, mappings and the physical ids and attributes of resources.
 */
final class IntrinsicResolver {

    /** Account id of the emulators (moto's default). */
    static final String ACCOUNT_ID = "123456789012";

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    /** Physical ids ({@code Ref}) and attributes ({@code Fn::GetAtt}) of resources. */
    interface Resources {
        String ref(String logicalId);

        String attribute(String logicalId, String attribute);
    }

    private final CloudFormationTemplate template;
    private final Map<String, String> parameters;
    private final Map<String, String> pseudo;
    private final Resources resources;

    IntrinsicResolver(
            CloudFormationTemplate template,
            Map<String, String> parameterValues,
            String region,
            String stackName,
            Resources resources) {
        this.template = template;
        this.resources = resources;
        this.pseudo = Map.of(
                "AWS::Region",
                region,
                "AWS::AccountId",
                ACCOUNT_ID,
                "AWS::StackName",
                stackName,
                "AWS::StackId",
                "arn:aws:cloudformation:" + region + ":" + ACCOUNT_ID + ":stack/" + stackName + "/local",
                "AWS::Partition",
                "aws",
                "AWS::URLSuffix",
                "amazonaws.com",
                "AWS::NotificationARNs",
                "");
        Map<String, String> values = new LinkedHashMap<>();
        template.parameters().forEach((name, definition) -> {
            Map<String, Object> def = TemplateYaml.asMap(definition);
            Object fallback = def == null ? null : def.get("Default");
            String value = parameterValues.getOrDefault(name, fallback == null ? null : String.valueOf(fallback));
            if (value != null) {
                values.put(name, value);
            }
        });
        this.parameters = Map.copyOf(values);
    }

    /** The resolved value: strings, numbers, booleans, lists and maps, with every intrinsic replaced. */
    Object resolve(Object value) {
        Map<String, Object> map = TemplateYaml.asMap(value);
        if (map != null) {
            if (CloudFormationTemplate.isIntrinsic(map)) {
                Map.Entry<String, Object> entry = map.entrySet().iterator().next();
                return function(entry.getKey(), entry.getValue());
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object r = resolve(v);
                if (!isNoValue(r)) {
                    resolved.put(k, r);
                }
            });
            return resolved;
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            for (Object item : list) {
                Object r = resolve(item);
                if (!isNoValue(r)) {
                    resolved.add(r);
                }
            }
            return resolved;
        }
        return value;
    }

    String resolveString(Object value) {
        Object resolved = resolve(value);
        if (resolved instanceof String || resolved instanceof Number || resolved instanceof Boolean) {
            return String.valueOf(resolved);
        }
        throw new IllegalArgumentException("expected a string, got " + resolved);
    }

    boolean condition(String name) {
        Object definition = template.conditions().get(name);
        if (definition == null) {
            throw new IllegalArgumentException("template.yaml has no condition " + name);
        }
        return truth(resolve(definition));
    }

    /** The logical ids a value refers to (through Ref, GetAtt and Sub): its dependencies. */
    static Set<String> references(@Nullable Object value) {
        Set<String> found = new LinkedHashSet<>();
        collect(value, found);
        return found;
    }

    private static void collect(@Nullable Object value, Set<String> found) {
        Map<String, Object> map = TemplateYaml.asMap(value);
        if (map != null) {
            if (map.size() == 1 && map.get("Ref") instanceof String ref && !ref.startsWith("AWS::")) {
                found.add(ref);
            } else if (map.size() == 1 && map.get("Fn::GetAtt") instanceof List<?> args && !args.isEmpty()) {
                found.add(String.valueOf(args.get(0)));
            } else if (map.size() == 1 && map.containsKey("Fn::Sub")) {
                Object sub = map.get("Fn::Sub");
                String text = sub instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : String.valueOf(sub);
                Set<String> local = new LinkedHashSet<>();
                if (sub instanceof List<?> l && l.size() > 1) {
                    Map<String, Object> vars = TemplateYaml.asMap(l.get(1));
                    if (vars != null) {
                        local.addAll(vars.keySet());
                        vars.values().forEach(v -> collect(v, found));
                    }
                }
                Matcher m = SUB_VARIABLE.matcher(text);
                while (m.find()) {
                    String variable = m.group(1);
                    if (variable.startsWith("!") || variable.startsWith("AWS::")) {
                        continue;
                    }
                    String id = variable.contains(".") ? variable.substring(0, variable.indexOf('.')) : variable;
                    if (!local.contains(id)) {
                        found.add(id);
                    }
                }
            } else {
                map.values().forEach(v -> collect(v, found));
            }
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, found));
        }
    }

    private Object function(String name, Object argument) {
        return switch (name) {
            case "Ref" -> ref(String.valueOf(argument));
            case "Condition" -> condition(String.valueOf(argument));
            case "Fn::GetAtt" -> getAtt(argument);
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" -> {
                List<?> args = list(argument, name, 2);
                List<?> items = list(resolve(args.get(1)), name, 0);
                List<String> texts = new ArrayList<>();
                items.forEach(i -> texts.add(String.valueOf(i)));
                yield String.join(String.valueOf(resolve(args.get(0))), texts);
            }
            case "Fn::Select" -> {
                List<?> args = list(argument, name, 2);
                int index = Integer.parseInt(String.valueOf(resolve(args.get(0))));
                yield list(resolve(args.get(1)), name, 0).get(index);
            }
            case "Fn::Split" -> {
                List<?> args = list(argument, name, 2);
                String delimiter = String.valueOf(resolve(args.get(0)));
                yield List.of(resolveString(args.get(1)).split(Pattern.quote(delimiter), -1));
            }
            case "Fn::If" -> {
                List<?> args = list(argument, name, 3);
                yield condition(String.valueOf(args.get(0))) ? resolve(args.get(1)) : resolve(args.get(2));
            }
            case "Fn::Equals" -> {
                List<?> args = list(argument, name, 2);
                yield String.valueOf(resolve(args.get(0))).equals(String.valueOf(resolve(args.get(1))));
            }
            case "Fn::Not" -> !truth(resolve(list(argument, name, 1).get(0)));
            case "Fn::And" -> list(argument, name, 1).stream().allMatch(a -> truth(resolve(a)));
            case "Fn::Or" -> list(argument, name, 1).stream().anyMatch(a -> truth(resolve(a)));
            case "Fn::GetAZs" -> {
                String region = String.valueOf(resolve(argument));
                String r = region.isEmpty() ? pseudo.get("AWS::Region") : region;
                yield List.of(r + "a", r + "b", r + "c");
            }
            case "Fn::FindInMap" -> {
                List<?> args = list(argument, name, 3);
                Map<String, Object> top = TemplateYaml.asMap(template.mappings().get(resolveString(args.get(0))));
                Map<String, Object> second =
                        top == null ? null : TemplateYaml.asMap(top.get(resolveString(args.get(1))));
                Object found = second == null ? null : second.get(resolveString(args.get(2)));
                if (found == null) {
                    throw new IllegalArgumentException("Fn::FindInMap found nothing for " + args);
                }
                yield found;
            }
            case "Fn::Base64" ->
                Base64.getEncoder().encodeToString(resolveString(argument).getBytes(StandardCharsets.UTF_8));
            case "Fn::ImportValue" ->
                throw new IllegalArgumentException("Fn::ImportValue " + resolve(argument)
                        + " needs another stack, which the local environment has not");
            default -> throw new IllegalArgumentException("unsupported intrinsic function " + name);
        };
    }

    private Object ref(String name) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        String value = pseudo.get(name);
        if (value != null) {
            return value;
        }
        value = parameters.get(name);
        if (value != null) {
            return value;
        }
        if (template.parameters().containsKey(name)) {
            throw new IllegalArgumentException("parameter " + name + " has no default and no value was given");
        }
        return resources.ref(name);
    }

    private Object getAtt(Object argument) {
        List<?> args = list(argument, "Fn::GetAtt", 2);
        return resources.attribute(String.valueOf(args.get(0)), resolveString(args.get(1)));
    }

    private Object sub(Object argument) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> args) {
            text = String.valueOf(args.get(0));
            if (args.size() > 1) {
                Map<String, Object> vars = TemplateYaml.asMap(args.get(1));
                if (vars != null) {
                    variables = vars;
                }
            }
        } else {
            text = String.valueOf(argument);
        }
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1).trim();
            String replacement;
            if (variable.startsWith("!")) {
                replacement = "${" + variable.substring(1) + "}";
            } else if (variables.containsKey(variable)) {
                replacement = resolveString(variables.get(variable));
            } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
                int dot = variable.indexOf('.');
                replacement = resources.attribute(variable.substring(0, dot), variable.substring(dot + 1));
            } else {
                replacement = String.valueOf(ref(variable));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<?> list(Object value, String function, int minimumSize) {
        if (value instanceof List<?> list && list.size() >= minimumSize) {
            return list;
        }
        throw new IllegalArgumentException(function + " expects a list of at least " + minimumSize + ", got " + value);
    }

    private static boolean truth(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return Boolean.parseBoolean(String.valueOf(value));
    }

    private static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    private static boolean isNoValue(@Nullable Object value) {
        return value == NO_VALUE;
    }
}
