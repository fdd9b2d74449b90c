package com.breachnotice.aws.messages;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.intake.IngestTask;
import com.breachnotice.core.lookup.CodeRequest;
import com.breachnotice.core.lookup.CodeSeal;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.planning.NoticeJob;
import com.breachnotice.core.planning.PlanTask;
import com.breachnotice.core.registry.StoredContact;
import com.breachnotice.core.registry.SubjectRole;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bodies of the work-queue messages: compact JSON objects with a version field {@code "v":1}.
 * Producers (the SQS adapters) encode with it and consumers (the handlers) decode with it, so both
 * sides agree on one format. Enumerations travel as their codes ({@code "email"}, {@code "ko"}) and
 * contact keys as their strings.
 *
 * <pre>
 * IngestTask  {"v":1,"manifestId":"..","bucket":"..","key":"..","start":45,"end":123,"firstLine":2,
 *              "range":0,"ranges":8,"header":"customer_id,email,affected"}
 * PlanTask    {"v":1,"campaignId":"..","segment":0,"totalSegments":8,"page":0,"startKey":".."}  (startKey optional)
 * NoticeJob   {"v":1,"campaignId":"..","channel":"email","locale":"ko","contacts":["E..",".."],
 *              "keys":["<wrapped data key>",..],            (optional, with "sealed")
 *              "sealed":[{"k":"E..","v":"<cipher>","vk":0,"n":"<cipher>","nk":0,
 *                         "i":["name","email"],"l":"ko","s":false,"o":false,
 *                         "r":{"customer":["name","email"]}},..],      ("r" optional: a customer)
 *              "new":{"E..":["address",..],..]}             (optional: a revised notice's new items)
 * CodeRequest {"v":1,"challengeId":"..","contact":"E2..","earlier":["E1.."],"sealedCode":"2.<base64url>",
 *              "locale":"en"}                              ("earlier" optional: during a key rotation)
 * </pre>
 *
 * <p>A code request never carries its code in plain text: the code is sealed ({@link CodeSeal}),
 * so neither the code queue nor its dead-letter queue ever holds one.
 *
 * <p>Decoding throws {@link MalformedMessageException} for anything else (not JSON, another version,
 * a missing or mistyped field, a value the domain refuses); its message never repeats the body.
 */
public final class MessageCodec {

    /** The format version written into, and required of, every body. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            // Never copy the body into an exception message: it can carry a one-time code.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private MessageCodec() {}

    public static String encode(IngestTask task) {
        ObjectNode node = versioned();
        node.put("manifestId", task.manifestId());
        node.put("bucket", task.bucket());
        node.put("key", task.key());
        node.put("start", task.start());
        node.put("end", task.end());
        node.put("firstLine", task.firstLine());
        node.put("range", task.range());
        node.put("ranges", task.ranges());
        node.put("header", task.header());
        return write(node);
    }

    public static String encode(PlanTask task) {
        ObjectNode node = versioned();
        node.put("campaignId", task.campaignId());
        node.put("segment", task.segment());
        node.put("totalSegments", task.totalSegments());
        node.put("page", task.page());
        task.startKey().ifPresent(startKey -> node.put("startKey", startKey));
        return write(node);
    }

    public static String encode(NoticeJob job) {
        ObjectNode node = versioned();
        node.put("campaignId", job.campaignId());
        node.put("channel", job.channel().code());
        node.put("locale", job.locale().code());
        ArrayNode contacts = node.putArray("contacts");
        job.contacts().forEach(contact -> contacts.add(contact.value()));
        if (!job.enclosed().isEmpty()) {
            // Data keys are shared by many contacts (one per intake worker): listed once.
            List<String> keys = new ArrayList<>();
            ArrayNode sealed = node.putArray("sealed");
            job.enclosed().values().forEach(contact -> {
                ObjectNode entry = sealed.addObject();
                entry.put("k", contact.key().value());
                entry.put("v", contact.value().ciphertext());
                entry.put("vk", indexOf(keys, contact.value().wrappedKey()));
                contact.name().ifPresent(name -> {
                    entry.put("n", name.ciphertext());
                    entry.put("nk", indexOf(keys, name.wrappedKey()));
                });
                ArrayNode items = entry.putArray("i");
                contact.items().stream().map(ItemKind::code).sorted().forEach(items::add);
                entry.put("l", contact.locale().code());
                entry.put("s", contact.smsCapable());
                entry.put("o", contact.ownerWithoutEmail());
                ObjectNode roles = entry.putObject("r");
                contact.roleSet().forEach(role -> {
                    ArrayNode roleItems = roles.putArray(role.code());
                    contact.itemsOf(role).stream().map(ItemKind::code).sorted().forEach(roleItems::add);
                });
            });
            ArrayNode keyList = node.putArray("keys");
            keys.forEach(keyList::add);
        }
        if (!job.newItems().isEmpty()) {
            ObjectNode fresh = node.putObject("new");
            job.newItems().forEach((contact, items) -> {
                ArrayNode list = fresh.putArray(contact.value());
                items.stream().map(ItemKind::code).sorted().forEach(list::add);
            });
        }
        return write(node);
    }

    private static int indexOf(List<String> keys, String key) {
        int index = keys.indexOf(key);
        if (index >= 0) {
            return index;
        }
        keys.add(key);
        return keys.size() - 1;
    }

    /** The request with its code sealed by {@code seal}; the body holds no plain code. */
    public static String encode(CodeRequest request, CodeSeal seal) {
        ObjectNode node = versioned();
        node.put("challengeId", request.challengeId());
        node.put("contact", request.contact().value());
        if (!request.earlierKeys().isEmpty()) {
            ArrayNode earlier = node.putArray("earlier");
            request.earlierKeys().forEach(key -> earlier.add(key.value()));
        }
        node.put("sealedCode", seal.seal(request));
        node.put("locale", request.locale().code());
        return write(node);
    }

    public static IngestTask decodeIngestTask(String body) {
        Fields fields = read(body, "ingest task");
        long start = fields.longValue("start");
        long end = fields.longValue("end");
        if (start < 0 || end < start) {
            throw fields.malformed("the range is not [start, end) with 0 <= start <= end");
        }
        long firstLine = fields.longValue("firstLine");
        int range = fields.intValue("range");
        int ranges = fields.intValue("ranges");
        if (firstLine < 2 || range < 0 || range >= ranges) {
            throw fields.malformed("the range is not numbered 0 <= range < ranges from line 2 on");
        }
        return new IngestTask(
                fields.text("manifestId"),
                fields.text("bucket"),
                fields.text("key"),
                start,
                end,
                firstLine,
                range,
                ranges,
                fields.text("header"));
    }

    public static PlanTask decodePlanTask(String body) {
        Fields fields = read(body, "plan task");
        Optional<String> startKey = fields.optionalText("startKey");
        try {
            return new PlanTask(
                    fields.text("campaignId"),
                    fields.intValue("segment"),
                    fields.intValue("totalSegments"),
                    fields.intValue("page"),
                    startKey);
        } catch (IllegalArgumentException e) {
            throw fields.malformed("bad segment, total segments or page");
        }
    }

    public static NoticeJob decodeNoticeJob(String body) {
        Fields fields = read(body, "notice job");
        Channel channel = fields.channel("channel");
        NoticeLocale locale = fields.locale("locale");
        JsonNode contacts = fields.node.get("contacts");
        if (contacts == null || !contacts.isArray()) {
            throw fields.malformed("field 'contacts' is missing or not a list");
        }
        List<ContactKey> keys = new ArrayList<>(contacts.size());
        for (JsonNode contact : contacts) {
            if (!contact.isTextual()) {
                throw fields.malformed("field 'contacts' holds a value that is not a contact key");
            }
            keys.add(fields.contactKey(contact.textValue(), "contacts"));
        }
        Map<ContactKey, StoredContact> enclosed = enclosed(fields);
        Map<ContactKey, Set<ItemKind>> newItems = newItems(fields);
        try {
            return new NoticeJob(fields.text("campaignId"), channel, locale, keys, enclosed, newItems);
        } catch (IllegalArgumentException e) {
            throw fields.malformed("a notice job holds 1 to " + NoticeJob.MAX_CONTACTS + " contacts");
        }
    }

    private static Map<ContactKey, Set<ItemKind>> newItems(Fields fields) {
        JsonNode fresh = fields.node.get("new");
        if (fresh == null || fresh.isNull()) {
            return Map.of();
        }
        if (!fresh.isObject()) {
            throw fields.malformed("field 'new' must be an object");
        }
        Map<ContactKey, Set<ItemKind>> newItems = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : fresh.properties()) {
            ContactKey key = fields.contactKey(entry.getKey(), "new");
            Set<ItemKind> items = EnumSet.noneOf(ItemKind.class);
            entry.getValue().forEach(item -> ItemKind.ofCode(item.asText()).ifPresent(items::add));
            newItems.put(key, items);
        }
        return newItems;
    }

    private static Map<ContactKey, StoredContact> enclosed(Fields fields) {
        JsonNode sealed = fields.node.get("sealed");
        if (sealed == null || sealed.isNull()) {
            return Map.of();
        }
        JsonNode keys = fields.node.get("keys");
        if (!sealed.isArray() || keys == null || !keys.isArray()) {
            throw fields.malformed("fields 'sealed' and 'keys' must be lists");
        }
        Map<ContactKey, StoredContact> enclosed = new LinkedHashMap<>();
        for (JsonNode entry : sealed) {
            try {
                ContactKey key = fields.contactKey(entry.path("k").asText(""), "sealed");
                Sealed value = new Sealed(
                        entry.path("v").asText(),
                        keys.get(entry.path("vk").asInt()).asText());
                Optional<Sealed> name = entry.hasNonNull("n")
                        ? Optional.of(new Sealed(
                                entry.path("n").asText(),
                                keys.get(entry.path("nk").asInt()).asText()))
                        : Optional.empty();
                Set<ItemKind> items = EnumSet.noneOf(ItemKind.class);
                entry.path("i").forEach(item -> ItemKind.ofCode(item.asText()).ifPresent(items::add));
                Map<SubjectRole, Set<ItemKind>> roles = new EnumMap<>(SubjectRole.class);
                entry.path("r")
                        .properties()
                        .forEach(role -> SubjectRole.ofCode(role.getKey()).ifPresent(known -> {
                            Set<ItemKind> roleItems = EnumSet.noneOf(ItemKind.class);
                            role.getValue()
                                    .forEach(item ->
                                            ItemKind.ofCode(item.asText()).ifPresent(roleItems::add));
                            roles.put(known, roleItems);
                        }));
                NoticeLocale locale = NoticeLocale.ofCode(entry.path("l").asText(""))
                        .orElseThrow(() -> fields.malformed("a sealed contact has no locale"));
                enclosed.put(
                        key,
                        new StoredContact(
                                key,
                                value,
                                name,
                                locale,
                                items,
                                entry.path("s").asBoolean(),
                                entry.path("o").asBoolean(),
                                roles));
            } catch (RuntimeException e) {
                if (e instanceof MalformedMessageException malformed) {
                    throw malformed;
                }
                throw fields.malformed("a sealed contact is malformed");
            }
        }
        return enclosed;
    }

    /**
     * The request with its code opened by {@code seal}. A code that does not open (another key ring,
     * a version no longer in it, copied from another message) makes the body malformed.
     */
    public static CodeRequest decodeCodeRequest(String body, CodeSeal seal) {
        Fields fields = read(body, "code request");
        String challengeId = fields.text("challengeId");
        ContactKey contact = fields.contactKey(fields.text("contact"), "contact");
        List<ContactKey> earlier = new ArrayList<>();
        JsonNode earlierNode = fields.node.get("earlier");
        if (earlierNode != null) {
            if (!earlierNode.isArray()) {
                throw fields.malformed("field 'earlier' is not a list");
            }
            for (JsonNode key : earlierNode) {
                if (!key.isTextual()) {
                    throw fields.malformed("field 'earlier' holds a value that is not a contact key");
                }
                earlier.add(fields.contactKey(key.textValue(), "earlier"));
            }
        }
        String code = seal.open(fields.text("sealedCode"), challengeId, contact.value())
                .orElseThrow(() -> fields.malformed("field 'sealedCode' does not open with this key ring"));
        return new CodeRequest(challengeId, contact, code, fields.locale("locale"), earlier);
    }

    private static ObjectNode versioned() {
        ObjectNode node = JSON.createObjectNode();
        node.put("v", VERSION);
        return node;
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a message did not serialize", e);
        }
    }

    private static Fields read(String body, String kind) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            // The parser's message quotes the offending input: drop it, and the cause with it.
            throw new MalformedMessageException(kind + ": the body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedMessageException(kind + ": the body is not a JSON object");
        }
        JsonNode version = node.get("v");
        if (version == null || !version.isInt() || version.intValue() != VERSION) {
            throw new MalformedMessageException(kind + ": unsupported or missing version (expected v=" + VERSION + ")");
        }
        return new Fields(kind, node);
    }

    private record Fields(String kind, JsonNode node) {

        MalformedMessageException malformed(String what) {
            return new MalformedMessageException(kind + ": " + what);
        }

        String text(String name) {
            JsonNode value = node.get(name);
            if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
                throw malformed("field '" + name + "' is missing or not a non-empty string");
            }
            return value.textValue();
        }

        Optional<String> optionalText(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return Optional.empty();
            }
            if (!value.isTextual() || value.textValue().isEmpty()) {
                throw malformed("field '" + name + "' is not a non-empty string");
            }
            return Optional.of(value.textValue());
        }

        long longValue(String name) {
            JsonNode value = node.get(name);
            if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
                throw malformed("field '" + name + "' is missing or not an integer");
            }
            return value.longValue();
        }

        int intValue(String name) {
            JsonNode value = node.get(name);
            if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
                throw malformed("field '" + name + "' is missing or not an integer");
            }
            return value.intValue();
        }

        Channel channel(String name) {
            String code = text(name);
            for (Channel channel : Channel.values()) {
                if (channel.code().equals(code)) {
                    return channel;
                }
            }
            throw malformed("field '" + name + "' is not a channel code");
        }

        NoticeLocale locale(String name) {
            String code = text(name);
            for (NoticeLocale locale : NoticeLocale.values()) {
                if (locale.code().equals(code)) {
                    return locale;
                }
            }
            throw malformed("field '" + name + "' is not a locale code");
        }

        ContactKey contactKey(String value, String name) {
            try {
                return new ContactKey(value);
            } catch (IllegalArgumentException e) {
                throw malformed("field '" + name + "' holds a value that is not a contact key");
            }
        }
    }
}
