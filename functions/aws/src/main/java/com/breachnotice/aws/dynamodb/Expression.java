package com.breachnotice.aws.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds update and condition expressions with every attribute behind a {@code #name} placeholder
 * (so no attribute ever collides with DynamoDB's long reserved-word list: {@code status},
 * {@code items}, {@code name}, ...) and every value behind a {@code :value} placeholder.
 */
final class Expression {

    private final List<String> sets = new ArrayList<>();
    private final List<String> adds = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    /** The placeholder of an attribute name, registered. */
    String name(String attribute) {
        String placeholder = "#" + attribute;
        names.put(placeholder, attribute);
        return placeholder;
    }

    /** The placeholder of a value, registered. */
    String value(String placeholderName, AttributeValue value) {
        String placeholder = ":" + placeholderName;
        AttributeValue previous = values.put(placeholder, value);
        if (previous != null && !previous.equals(value)) {
            throw new IllegalStateException("placeholder " + placeholder + " bound twice");
        }
        return placeholder;
    }

    Expression set(String attribute, AttributeValue value) {
        sets.add(name(attribute) + " = " + value(attribute, value));
        return this;
    }

    /** Keeps the stored value when there is one: the first writer wins. */
    Expression setIfAbsent(String attribute, AttributeValue value) {
        String name = name(attribute);
        sets.add(name + " = if_not_exists(" + name + ", " + value(attribute, value) + ")");
        return this;
    }

    /** A free-form SET clause whose placeholders the caller registered. */
    Expression setClause(String clause) {
        sets.add(clause);
        return this;
    }

    /** Adds to a number or unions into a set. */
    Expression add(String attribute, AttributeValue value) {
        adds.add(name(attribute) + " " + value(attribute, value));
        return this;
    }

    Expression remove(String attribute) {
        removes.add(name(attribute));
        return this;
    }

    String update() {
        StringBuilder out = new StringBuilder();
        clause(out, "SET", sets);
        clause(out, "ADD", adds);
        clause(out, "REMOVE", removes);
        return out.toString();
    }

    Map<String, String> names() {
        return Map.copyOf(names);
    }

    Map<String, AttributeValue> values() {
        return Map.copyOf(values);
    }

    private static void clause(StringBuilder out, String keyword, List<String> parts) {
        if (parts.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(keyword).append(' ').append(String.join(", ", parts));
    }
}
