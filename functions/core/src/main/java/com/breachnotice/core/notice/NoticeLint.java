package com.breachnotice.core.notice;

import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.campaign.SmsSegments;
import com.breachnotice.core.incident.IncidentDescription;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a notice must pass before it is launched (docs/notices.md lists them). A notice is all
 * its languages together; the incident description it will be filled from is checked with it,
 * because its item labels become the item list of every notice.
 */
public final class NoticeLint {

    /** Leaked, not "exposed": the regulator's word. Refused anywhere in a notice. */
    private static final Pattern BANNED_ANYWHERE_KO = Pattern.compile("노출");

    private static final Pattern BANNED_ANYWHERE_EN = Pattern.compile("(?i)\\bexpos(e|ed|es|ure|ing)\\b");

    /**
     * Words that fold items away ("etc.", "some information"). Refused wherever items are listed:
     * the item sections, the SMS texts and the incident's item labels. In Korean a word counts only
     * when it stands alone (외부, 등록 are fine).
     */
    private static final Pattern BANNED_IN_ITEMS_KO =
            Pattern.compile("일부\\s*정보|개인정보\\s*일부|(?<![가-힣])(등|외|기타|일부|따위|등등)(?![가-힣])");

    private static final Pattern BANNED_IN_ITEMS_EN = Pattern.compile(
            "(?i)\\betc\\b|\\band (so on|more|others)\\b|\\bamong others\\b|\\bsome (of|personal|information|data)\\b|\\bsuch as\\b|\\bincluding\\b|\\bother (information|data|details)\\b");

    private static final Pattern DATE = Pattern.compile(
            "(?i)\\d{4}\\s*년\\s*\\d{1,2}\\s*월(\\s*\\d{1,2}\\s*일)?|\\d{4}\\s*[-./]\\s*\\d{1,2}([-./]\\d{1,2})?|\\d{1,2}\\s*월\\s*\\d{1,2}\\s*일|\\d{1,2}(st|nd|rd|th)?\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b|\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}\\b");
    private static final Pattern PHONE = Pattern.compile("\\d{2,4}[-. )]\\d{3,4}([-. ]\\d{4})?|\\d{3,}");
    private static final Pattern ADDRESS = Pattern.compile(
            "(?i)[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+|\\b[a-z0-9-]+(\\.[a-z0-9-]+)*\\.(com|net|org|kr|io|co|me|info|biz|app|dev|ly|gl)\\b");
    private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|\\{[a-z]+}");
    private static final String SAMPLE_REFERENCE = "XXXX-XXXX-XXXX-XX";

    private NoticeLint() {}

    public static LintReport check(Map<NoticeLocale, NoticeTemplate> notice, IncidentDescription incident) {
        List<LintFinding> errors = new ArrayList<>();
        List<LintFinding> warnings = new ArrayList<>();
        Optional<NoticeTemplate> first = notice.values().stream().findFirst();
        for (NoticeLocale locale : NoticeLocale.values()) {
            NoticeTemplate template = notice.get(locale);
            if (template == null) {
                errors.add(new LintFinding(
                        "missing_locale", locale.code(), "the notice has no " + locale.code() + " text"));
                continue;
            }
            String at = locale.code() + " ";
            if (first.isPresent()
                    && (!first.get().name().equals(template.name())
                            || first.get().version() != template.version()
                            || !first.get().revises().equals(template.revises()))) {
                errors.add(new LintFinding(
                        "inconsistent_notice",
                        at + "notice",
                        "every language must name the same notice, version and revises"));
            }
            checkSections(template, at, errors);
            for (Map.Entry<String, String> part : template.parts().entrySet()) {
                checkPart(template, incident, at + part.getKey(), part.getKey(), part.getValue(), errors);
            }
            checkPlaceholders(template, at, errors);
            checkLabels(incident, locale, errors);
            renderAndCount(template, incident, at, errors, warnings);
        }
        return new LintReport(errors, warnings);
    }

    private static void checkSections(NoticeTemplate template, String at, List<LintFinding> errors) {
        for (NoticeSection section : template.requiredSections()) {
            NoticeTemplate.Section found = template.sections().get(section);
            if (found == null || found.heading().isBlank()) {
                errors.add(new LintFinding(
                        "missing_section", at + section.code(), "the section '" + section.code() + "' is missing"));
            } else if (section != NoticeSection.YOUR_ITEMS
                    && section != NoticeSection.WHAT_IS_NEW
                    && found.body().isBlank()) {
                errors.add(new LintFinding(
                        "missing_section", at + section.code(), "the section '" + section.code() + "' is empty"));
            }
        }
        for (String part : List.of("subject", "greeting", "greeting_named", "sms", "sms_address_book")) {
            if (template.parts().getOrDefault(part, "").isBlank()) {
                errors.add(new LintFinding("missing_part", at + part, "the part '" + part + "' is empty"));
            }
        }
    }

    private static void checkPart(
            NoticeTemplate template,
            IncidentDescription incident,
            String where,
            String part,
            String value,
            List<LintFinding> errors) {
        NoticeLocale locale = template.locale();
        if (NoticeText.containsLink(value)) {
            errors.add(new LintFinding("link", where, "notices carry no link; tell people to type {{incident.site}}"));
        }
        find(bannedAnywhere(locale), value)
                .ifPresent(word -> errors.add(new LintFinding(
                        "banned_wording", where, "'" + word + "' is refused: the data leaked (유출 / leaked)")));
        if (listsItems(part)) {
            find(bannedInItems(locale), value)
                    .ifPresent(word -> errors.add(new LintFinding(
                            "banned_wording", where, "'" + word + "' folds items away: name every item")));
        }
        String literal = ANY_PLACEHOLDER.matcher(value).replaceAll(" ");
        find(DATE, literal)
                .ifPresent(found -> errors.add(new LintFinding(
                        "literal_fact",
                        where,
                        "the date '" + found + "' is written literally: use {{incident.<date>}}")));
        find(PHONE, literal)
                .ifPresent(found -> errors.add(new LintFinding(
                        "literal_fact",
                        where,
                        "the number '" + found + "' is written literally: use {{incident.<fact>}}")));
        find(ADDRESS, literal)
                .ifPresent(found -> errors.add(new LintFinding(
                        "literal_fact",
                        where,
                        "the address '" + found + "' is written literally: use {{incident.<fact>}}")));
        for (String name : IncidentDescription.placeholders(value)) {
            boolean scalar = incident.factNames().contains(name);
            boolean list = IncidentDescription.LIST_FACTS.contains(name);
            if (!scalar && !list) {
                errors.add(
                        new LintFinding("unknown_fact", where, "{{incident." + name + "}} is no fact of the incident"));
            } else if (list && !(part.endsWith(".body") || part.equals("intro") || part.equals("closing"))) {
                errors.add(new LintFinding(
                        "unknown_fact", where, "{{incident." + name + "}} is a list: only alone on a line of a body"));
            }
        }
    }

    private static boolean listsItems(String part) {
        return part.startsWith(NoticeSection.YOUR_ITEMS.code())
                || part.startsWith(NoticeSection.WHAT_IS_NEW.code())
                || part.startsWith("sms");
    }

    private static void checkPlaceholders(NoticeTemplate template, String at, List<LintFinding> errors) {
        boolean emailReference = template.parts().entrySet().stream()
                .filter(part -> !part.getKey().startsWith("sms"))
                .anyMatch(part -> part.getValue().contains("{{reference}}"));
        if (!emailReference) {
            errors.add(new LintFinding(
                    "reference_placeholder", at + "check_genuine", "the email must print {{reference}}"));
        }
        for (String sms : List.of("sms", "sms_address_book")) {
            String value = template.parts().getOrDefault(sms, "");
            if (!value.contains("{reference}")) {
                errors.add(new LintFinding("reference_placeholder", at + sms, "the SMS must print {reference}"));
            }
            if (!value.contains("{items}")) {
                errors.add(new LintFinding("items_placeholder", at + sms, "the SMS must list {items}"));
            }
        }
    }

    private static void checkLabels(IncidentDescription incident, NoticeLocale locale, List<LintFinding> errors) {
        for (ItemKind item : ItemKind.values()) {
            String label = incident.label(item, locale);
            find(bannedInItems(locale), label)
                    .or(() -> find(bannedAnywhere(locale), label))
                    .ifPresent(word -> errors.add(new LintFinding(
                            "banned_wording",
                            "incident " + locale.code() + " items." + item.code(),
                            "'" + word + "' in an item label folds items away: name every item")));
        }
    }

    private static void renderAndCount(
            NoticeTemplate template,
            IncidentDescription incident,
            String at,
            List<LintFinding> errors,
            List<LintFinding> warnings) {
        NoticeText text;
        try {
            text = template.render(incident);
        } catch (IllegalArgumentException e) {
            errors.add(new LintFinding("render", at + "notice", String.valueOf(e.getMessage())));
            return;
        }
        String items = String.join(", ", text.labels(EnumSet.allOf(ItemKind.class), template.locale()));
        for (Map.Entry<String, String> sms : Map.of("sms", text.sms(), "sms_address_book", text.smsAddressBook())
                .entrySet()) {
            String filled = sms.getValue().replace("{items}", items).replace("{reference}", SAMPLE_REFERENCE);
            int parts = SmsSegments.count(filled);
            if (parts > SmsSegments.PARTS_LIMIT) {
                warnings.add(new LintFinding(
                        "sms_parts",
                        at + sms.getKey(),
                        parts + " parts (" + SmsSegments.encoding(filled) + ", " + filled.length()
                                + " characters with every item) is above the limit of " + SmsSegments.PARTS_LIMIT));
            }
        }
    }

    private static Pattern bannedAnywhere(NoticeLocale locale) {
        return locale == NoticeLocale.KO ? BANNED_ANYWHERE_KO : BANNED_ANYWHERE_EN;
    }

    private static Pattern bannedInItems(NoticeLocale locale) {
        return locale == NoticeLocale.KO ? BANNED_IN_ITEMS_KO : BANNED_IN_ITEMS_EN;
    }

    private static Optional<String> find(Pattern pattern, String value) {
        Matcher matcher = pattern.matcher(value);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }
}
