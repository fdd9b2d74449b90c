package com.breachnotice.aws.incident;

import com.breachnotice.core.incident.IncidentDescription;
import com.breachnotice.core.incident.IncidentText;
import com.breachnotice.core.manifest.NoticeLocale;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The incident description as a file and as stored: one JSON object with {@code id},
 * {@code updatedAt}, {@code facts} (language-neutral values) and one object per language
 * ({@code ko}, {@code en}) with {@code company}, {@code title}, {@code summary},
 * {@code whatHappened}, {@code notLeaked}, {@code helpHours}, {@code privacyOfficer},
 * {@code mediation}, {@code kisa}, {@code items} (label per item code), {@code timeline}
 * ({@code [{when, what}]}), {@code actions}, {@code precautions}, {@code relief} and
 * {@code contacts} ({@code [{label, value}]}). docs/notices.md describes every field.
 */
public final class IncidentJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IncidentJson() {}

    /** The built-in sample the CLI ships ({@code incident publish --sample}, the demo). */
    public static IncidentDescription sample() {
        try (InputStream in = IncidentJson.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + SAMPLE);
            }
            return parse(in, "the built-in sample incident");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + SAMPLE, e);
        }
    }

    static final String SAMPLE = "/incident/sample-incident.json";

    /**
     * @throws InvalidIncidentException naming the source and what is wrong
     */
    public static IncidentDescription parse(InputStream in, String source) {
        try {
            return parse(MAPPER.readTree(in), source);
        } catch (IOException e) {
            throw new InvalidIncidentException(source + " is not valid JSON: " + e.getMessage());
        }
    }

    public static IncidentDescription parse(String json, String source) {
        try {
            return parse(MAPPER.readTree(json), source);
        } catch (JsonProcessingException e) {
            throw new InvalidIncidentException(source + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static IncidentDescription parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new InvalidIncidentException(source + " must hold one JSON object");
        }
        try {
            Map<String, String> facts = new LinkedHashMap<>();
            JsonNode factNode = object(root, "facts", source);
            for (Iterator<Map.Entry<String, JsonNode>> it = factNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> fact = it.next();
                if (!fact.getValue().isTextual()) {
                    throw new InvalidIncidentException(source + ": the fact '" + fact.getKey() + "' must be a string");
                }
                facts.put(fact.getKey(), fact.getValue().asText());
            }
            Map<NoticeLocale, IncidentText> texts = new EnumMap<>(NoticeLocale.class);
            for (NoticeLocale locale : NoticeLocale.values()) {
                texts.put(locale, text(object(root, locale.code(), source), source + " " + locale.code()));
            }
            Instant updatedAt = Instant.parse(string(root, "updatedAt", source));
            return new IncidentDescription(string(root, "id", source), updatedAt, facts, texts);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidIncidentException(source + ": " + e.getMessage());
        }
    }

    private static IncidentText text(JsonNode node, String where) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        object(node, "items", where).fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            labels.put(label.getKey(), label.getValue().asText());
        }
        List<IncidentText.TimelineStep> timeline = new ArrayList<>();
        for (JsonNode step : array(node, "timeline", where)) {
            timeline.add(new IncidentText.TimelineStep(string(step, "when", where), string(step, "what", where)));
        }
        List<IncidentText.ContactLine> contacts = new ArrayList<>();
        for (JsonNode contact : array(node, "contacts", where)) {
            contacts.add(
                    new IncidentText.ContactLine(string(contact, "label", where), string(contact, "value", where)));
        }
        return new IncidentText(
                string(node, "company", where),
                string(node, "title", where),
                string(node, "summary", where),
                string(node, "whatHappened", where),
                string(node, "notLeaked", where),
                string(node, "helpHours", where),
                string(node, "privacyOfficer", where),
                string(node, "mediation", where),
                string(node, "kisa", where),
                labels,
                timeline,
                strings(node, "actions", where),
                strings(node, "precautions", where),
                strings(node, "relief", where),
                contacts);
    }

    /** The description in the file format, as {@code incident show} prints it and the store keeps it. */
    public static String write(IncidentDescription incident) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", incident.id());
        root.put("updatedAt", incident.updatedAt().toString());
        ObjectNode facts = root.putObject("facts");
        new java.util.TreeMap<>(incident.facts()).forEach(facts::put);
        for (NoticeLocale locale : NoticeLocale.values()) {
            IncidentText text = incident.text(locale);
            ObjectNode node = root.putObject(locale.code());
            node.put("company", text.company());
            node.put("title", text.title());
            node.put("summary", text.summary());
            node.put("whatHappened", text.whatHappened());
            node.put("notLeaked", text.notLeaked());
            node.put("helpHours", text.helpHours());
            node.put("privacyOfficer", text.privacyOfficer());
            node.put("mediation", text.mediation());
            node.put("kisa", text.kisa());
            ObjectNode items = node.putObject("items");
            new java.util.TreeMap<>(text.itemLabels()).forEach(items::put);
            ArrayNode timeline = node.putArray("timeline");
            text.timeline()
                    .forEach(step ->
                            timeline.addObject().put("when", step.when()).put("what", step.what()));
            text.actions().forEach(node.putArray("actions")::add);
            text.precautions().forEach(node.putArray("precautions")::add);
            text.relief().forEach(node.putArray("relief")::add);
            ArrayNode contacts = node.putArray("contacts");
            text.contacts()
                    .forEach(c -> contacts.addObject().put("label", c.label()).put("value", c.value()));
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the incident as JSON", e);
        }
    }

    /** What the page and {@code GET /v1/incident} show: {@link IncidentDescription#publicView()} as JSON. */
    public static String publicJson(IncidentDescription incident) {
        try {
            return MAPPER.writeValueAsString(incident.publicView());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the incident as JSON", e);
        }
    }

    private static JsonNode object(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new InvalidIncidentException(where + " lacks the object '" + field + "'");
        }
        return value;
    }

    private static JsonNode array(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new InvalidIncidentException(where + " lacks the list '" + field + "'");
        }
        return value;
    }

    private static String string(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidIncidentException(where + " lacks the text '" + field + "'");
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode node, String field, String where) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array(node, field, where)) {
            if (!value.isTextual()) {
                throw new InvalidIncidentException(where + ": every entry of '" + field + "' is a text");
            }
            values.add(value.asText());
        }
        return values;
    }

    /** The description cannot be used; the message names the source and the reason. */
    public static final class InvalidIncidentException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidIncidentException(String message) {
            super(message);
        }
    }
}
