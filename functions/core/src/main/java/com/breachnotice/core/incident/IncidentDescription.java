package com.breachnotice.core.incident;

import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every fact about the incident that any surface shows: the lookup page and {@code GET
 * /v1/incident}, every notice (email and SMS) and the one-time code messages. Those surfaces name
 * facts by placeholder ({@code {{incident.helpLine}}}) and never write a date, a number or an
 * address themselves, so a correction here reaches all of them and they cannot contradict each
 * other during a phishing wave.
 *
 * @param facts language-neutral values: dates as ISO {@code yyyy-MM-dd} (formatted per language
 *     when filled in), phone numbers, the site address people should type, addresses of contacts
 */
public record IncidentDescription(
        String id, Instant updatedAt, Map<String, String> facts, Map<NoticeLocale, IncidentText> texts) {

    /** The facts every description must give. */
    public static final Set<String> REQUIRED_FACTS = Set.of(
            "accessFrom",
            "accessTo",
            "discovered",
            "contained",
            "helpLine",
            "smsSender",
            "site",
            "privacyEmail",
            "mediationPhone",
            "kisaPhone");

    /** The facts held as dates. */
    public static final Set<String> DATE_FACTS = Set.of("accessFrom", "accessTo", "discovered", "contained");

    /** Placeholders that stand for a whole list: allowed only alone on a line of a notice body. */
    public static final Set<String> LIST_FACTS = Set.of("precautions", "actions", "relief");

    /** The facts the precautions of the seed must keep (no app installs, sender number, no links, entrance codes). */
    public static final int MIN_PRECAUTIONS = 4;

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*incident\\.([A-Za-z]+)\\s*}}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    // A host people type: no scheme, no path, no "www." (a bare host is not turned into a link by
    // the rule every notice is checked with).
    private static final Pattern SITE = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}");
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    public IncidentDescription {
        facts = Map.copyOf(facts);
        texts = Map.copyOf(texts);
        for (String fact : REQUIRED_FACTS) {
            String value = facts.get(fact);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("the incident lacks the fact '" + fact + "'");
            }
        }
        for (Map.Entry<String, String> fact : facts.entrySet()) {
            if (DATE_FACTS.contains(fact.getKey())
                    || ISO_DATE.matcher(fact.getValue()).matches()) {
                try {
                    LocalDate.parse(fact.getValue());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(
                            "the fact '" + fact.getKey() + "' must be a date (yyyy-MM-dd): " + fact.getValue(), e);
                }
            }
        }
        if (!SITE.matcher(facts.get("site")).matches()) {
            throw new IllegalArgumentException(
                    "the fact 'site' is the bare address people type (example.com): no scheme, no path");
        }
        for (NoticeLocale locale : NoticeLocale.values()) {
            IncidentText text = texts.get(locale);
            if (text == null) {
                throw new IllegalArgumentException("the incident lacks its " + locale.code() + " text");
            }
            for (ItemKind item : ItemKind.values()) {
                String label = text.itemLabels().get(item.code());
                if (label == null || label.isBlank()) {
                    throw new IllegalArgumentException(
                            "the " + locale.code() + " text lacks the label of the item '" + item.code() + "'");
                }
            }
            if (text.precautions().size() < MIN_PRECAUTIONS) {
                throw new IllegalArgumentException(
                        "the " + locale.code() + " text needs at least " + MIN_PRECAUTIONS + " precautions");
            }
        }
    }

    public IncidentText text(NoticeLocale locale) {
        IncidentText text = texts.get(locale);
        if (text == null) {
            throw new IllegalStateException("no incident text for " + locale);
        }
        return text;
    }

    /** The label of an item kind in a language (every kind has one: the constructor checks it). */
    public String label(ItemKind item, NoticeLocale locale) {
        return text(locale).itemLabels().getOrDefault(item.code(), item.code());
    }

    /** Labels in the vocabulary's fixed order, so every surface lists items the same way. */
    public List<String> labels(Set<ItemKind> items, NoticeLocale locale) {
        List<String> labels = new ArrayList<>();
        for (ItemKind item : ItemKind.values()) {
            if (items.contains(item)) {
                labels.add(label(item, locale));
            }
        }
        return labels;
    }

    /** The value a scalar placeholder stands for, or empty when there is no such fact. */
    public Optional<String> fact(String name, NoticeLocale locale) {
        String value = facts.get(name);
        if (value != null) {
            return Optional.of(ISO_DATE.matcher(value).matches() ? formatDate(LocalDate.parse(value), locale) : value);
        }
        IncidentText text = text(locale);
        return Optional.ofNullable(
                switch (name) {
                    case "company" -> text.company();
                    case "helpHours" -> text.helpHours();
                    case "privacyOfficer" -> text.privacyOfficer();
                    case "mediation" -> text.mediation();
                    case "kisa" -> text.kisa();
                    default -> null;
                });
    }

    /** The names of every scalar placeholder this description can fill. */
    public Set<String> factNames() {
        Set<String> names = new java.util.TreeSet<>(facts.keySet());
        names.addAll(List.of("company", "helpHours", "privacyOfficer", "mediation", "kisa"));
        return names;
    }

    /** A resolved list fact ({@link #LIST_FACTS}). */
    public List<String> list(String name, NoticeLocale locale) {
        IncidentText text = text(locale);
        List<String> raw = switch (name) {
            case "precautions" -> text.precautions();
            case "actions" -> text.actions();
            case "relief" -> text.relief();
            default -> throw new IllegalArgumentException("unknown list fact '" + name + "'");
        };
        return raw.stream().map(line -> resolve(line, locale)).toList();
    }

    /**
     * {@code template} with every {@code {{incident.NAME}}} filled in.
     *
     * @throws IllegalArgumentException naming a placeholder that is no fact (a list fact counts as
     *     none here: it belongs alone on a line of a notice body)
     */
    public String resolve(String template, NoticeLocale locale) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = fact(name, locale)
                    .orElseThrow(() -> new IllegalArgumentException("unknown incident fact '" + name + "'"));
            // Facts are filled once: a fact that names another is not expanded again.
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The names of the incident placeholders in {@code template}, in order. */
    public static List<String> placeholders(String template) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** {@code line} is a list placeholder and nothing else: its name, else empty. */
    public static Optional<String> listPlaceholder(String line) {
        Matcher matcher = PLACEHOLDER.matcher(line.strip());
        if (matcher.matches() && LIST_FACTS.contains(matcher.group(1))) {
            return Optional.of(matcher.group(1));
        }
        return Optional.empty();
    }

    static String formatDate(LocalDate date, NoticeLocale locale) {
        return switch (locale) {
            case KO -> date.getYear() + "년 " + date.getMonthValue() + "월 " + date.getDayOfMonth() + "일";
            case EN -> EN_DATE.format(date);
        };
    }

    /**
     * What the page and {@code GET /v1/incident} show: every string resolved, as nested maps and
     * lists of strings ready to be written as JSON. Shape: {@code id}, {@code updatedAt},
     * {@code facts} (the raw values, for the page's own labels), and per language {@code title},
     * {@code summary}, {@code whatHappened}, {@code notLeaked}, {@code timeline[{when,what}]},
     * {@code leakedItems[{code,label}]}, {@code actions}, {@code precautions}, {@code relief},
     * {@code contacts[{label,value}]}, {@code helpLine}, {@code helpHours}, {@code smsSender},
     * {@code site}.
     */
    public Map<String, Object> publicView() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("updatedAt", updatedAt.toString());
        view.put("facts", new java.util.TreeMap<>(facts));
        for (NoticeLocale locale : NoticeLocale.values()) {
            IncidentText text = text(locale);
            Map<String, Object> local = new LinkedHashMap<>();
            local.put("company", resolve(text.company(), locale));
            local.put("title", resolve(text.title(), locale));
            local.put("summary", resolve(text.summary(), locale));
            local.put("whatHappened", resolve(text.whatHappened(), locale));
            local.put("notLeaked", resolve(text.notLeaked(), locale));
            local.put(
                    "timeline",
                    text.timeline().stream()
                            .map(step ->
                                    Map.of("when", resolve(step.when(), locale), "what", resolve(step.what(), locale)))
                            .toList());
            List<Map<String, String>> items = new ArrayList<>();
            for (ItemKind item : ItemKind.values()) {
                items.add(Map.of("code", item.code(), "label", label(item, locale)));
            }
            local.put("leakedItems", items);
            local.put("actions", list("actions", locale));
            local.put("precautions", list("precautions", locale));
            local.put("relief", list("relief", locale));
            local.put(
                    "contacts",
                    text.contacts().stream()
                            .map(c -> Map.of("label", resolve(c.label(), locale), "value", resolve(c.value(), locale)))
                            .toList());
            local.put("helpLine", facts.get("helpLine"));
            local.put("helpHours", resolve(text.helpHours(), locale));
            local.put("smsSender", facts.get("smsSender"));
            local.put("site", facts.get("site"));
            view.put(locale.code(), local);
        }
        return view;
    }
}
