package com.breachnotice.events;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.events.DeliveryEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads SES event-publishing records (the JSON a configuration set sends to SNS) into neutral
 * delivery events. Our sender tags every message with {@code campaign} and {@code contact}; an
 * event without them is not ours and is ignored.
 */
final class SesEventParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SesEventParser() {}

    static Optional<DeliveryEvent> parse(String message) throws IOException {
        JsonNode root = JSON.readTree(message);
        String type =
                text(root, "eventType").or(() -> text(root, "notificationType")).orElse("");
        JsonNode mail = root.path("mail");
        Optional<String> campaign = tag(mail, "campaign");
        Optional<String> contact = tag(mail, "contact");
        if (campaign.isEmpty() || contact.isEmpty()) {
            return Optional.empty();
        }
        ContactKey key;
        try {
            key = new ContactKey(contact.get());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<Kind> kind = kind(type, root);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        JsonNode detail = root.path(kind.get().detailField());
        Instant at = instant(detail.path("timestamp"))
                .or(() -> instant(mail.path("timestamp")))
                .orElse(Instant.EPOCH);
        return Optional.of(
                new DeliveryEvent(campaign.get(), key, Channel.EMAIL, kind.get().kind(), at, reason(kind.get(), root)));
    }

    private record Kind(DeliveryEvent.Kind kind, String detailField) {}

    private static Optional<Kind> kind(String type, JsonNode root) {
        return switch (type) {
            case "Delivery" -> Optional.of(new Kind(DeliveryEvent.Kind.DELIVERED, "delivery"));
            case "Bounce" -> Optional.of(new Kind(bounceKind(root.path("bounce")), "bounce"));
            case "Complaint" -> Optional.of(new Kind(DeliveryEvent.Kind.COMPLAINT, "complaint"));
            case "Reject" -> Optional.of(new Kind(DeliveryEvent.Kind.REJECTED, "reject"));
            case "Rendering Failure" -> Optional.of(new Kind(DeliveryEvent.Kind.RENDERING_FAILED, "failure"));
            case "DeliveryDelay" -> Optional.of(new Kind(DeliveryEvent.Kind.DELAYED, "deliveryDelay"));
            default -> Optional.empty();
        };
    }

    private static DeliveryEvent.Kind bounceKind(JsonNode bounce) {
        String type = bounce.path("bounceType").asText("");
        String subType = bounce.path("bounceSubType").asText("");
        if (type.equals("Permanent") && (subType.equals("Suppressed") || subType.equals("OnAccountSuppressionList"))) {
            return DeliveryEvent.Kind.SUPPRESSED;
        }
        return type.equals("Permanent") ? DeliveryEvent.Kind.HARD_BOUNCE : DeliveryEvent.Kind.SOFT_BOUNCE;
    }

    /** A short reason code for the proof of notice; never a recipient address or diagnostic text. */
    private static Optional<String> reason(Kind kind, JsonNode root) {
        return switch (kind.kind()) {
            case HARD_BOUNCE, SOFT_BOUNCE, SUPPRESSED ->
                Optional.of("bounce:"
                        + root.path("bounce").path("bounceType").asText("") + "/"
                        + root.path("bounce").path("bounceSubType").asText(""));
            case COMPLAINT ->
                Optional.of("complaint:"
                        + root.path("complaint").path("complaintFeedbackType").asText("unspecified"));
            case REJECTED ->
                Optional.of("reject:" + root.path("reject").path("reason").asText(""));
            case RENDERING_FAILED -> Optional.of("rendering_failure");
            case DELAYED ->
                Optional.of(
                        "delay:" + root.path("deliveryDelay").path("delayType").asText(""));
            case DELIVERED -> Optional.empty();
        };
    }

    private static Optional<String> tag(JsonNode mail, String name) {
        JsonNode values = mail.path("tags").path(name);
        return values.isArray() && !values.isEmpty() ? Optional.of(values.get(0).asText()) : Optional.empty();
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? Optional.empty() : Optional.of(value.asText());
    }

    private static Optional<Instant> instant(JsonNode node) {
        if (!node.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(node.asText()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
