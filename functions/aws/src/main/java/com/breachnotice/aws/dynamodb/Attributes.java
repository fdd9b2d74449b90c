package com.breachnotice.aws.dynamodb;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading and writing DynamoDB attribute values of the shapes our tables use. */
final class Attributes {

    private Attributes() {}

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    /** A string set; the caller guarantees it is not empty (DynamoDB has no empty sets). */
    static AttributeValue ss(Collection<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("DynamoDB string sets cannot be empty");
        }
        return AttributeValue.fromSs(List.copyOf(values));
    }

    static AttributeValue millis(Instant at) {
        return n(at.toEpochMilli());
    }

    static Optional<String> string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
    }

    static String requiredString(Map<String, AttributeValue> item, String name) {
        return string(item, name)
                .orElseThrow(() -> new IllegalStateException("stored item lacks string attribute " + name));
    }

    static Optional<Long> number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? Optional.empty() : Optional.of(Long.parseLong(value.n()));
    }

    static long requiredNumber(Map<String, AttributeValue> item, String name) {
        return number(item, name)
                .orElseThrow(() -> new IllegalStateException("stored item lacks number attribute " + name));
    }

    static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasSs() ? List.of() : value.ss();
    }

    static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        return number(item, name).map(Instant::ofEpochMilli);
    }
}
