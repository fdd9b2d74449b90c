package com.breachnotice.cli.campaign;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.SendWindow;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.preview.CampaignPreview;
import com.breachnotice.core.preview.DurationModel;
import com.breachnotice.core.preview.Durations;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@link CampaignPreview} for the operator: in words, or as one JSON object. */
final class PreviewReport {

    private PreviewReport() {}

    static void print(CampaignPreview preview, String noticeSource, boolean samples, PrintWriter out) {
        var campaign = preview.campaign();
        var audience = preview.audience();
        out.printf(
                "preview of campaign %s: %s (policy %s, %s)%n",
                campaign.id(), campaign.title(), campaign.policy().code(), noticeSource);
        out.println("recipients");
        for (Channel channel : Channel.values()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-6s", channel.code()));
            for (NoticeLocale locale : NoticeLocale.values()) {
                line.append(String.format(Locale.ROOT, "  %s %,13d", locale.code(), audience.on(channel, locale)));
            }
            line.append(String.format(Locale.ROOT, "  total %,13d", audience.on(channel)));
            out.println(line);
        }
        out.printf(Locale.ROOT, "  no channel (recorded unreachable) %,d%n", audience.unreachable());
        out.println("SMS parts per text, every item listed");
        for (var parts : preview.smsParts()) {
            out.printf(
                    Locale.ROOT,
                    "  %s %-13s %-5s %4d characters  %d part%s%n",
                    parts.locale().code(),
                    parts.customer() ? "customer" : "address-book",
                    parts.encoding() == com.breachnotice.core.campaign.SmsSegments.Encoding.UCS2 ? "UCS-2" : "GSM-7",
                    parts.characters(),
                    parts.parts(),
                    parts.parts() == 1 ? "" : "s");
        }
        var cost = preview.cost();
        out.printf("cost at list prices (%s)%n", cost.currency());
        out.printf(Locale.ROOT, "  email     %,15d emails       %,14.2f%n", audience.on(Channel.EMAIL), cost.email());
        preview.smsPartsByCountry()
                .forEach((country, parts) -> out.printf(
                        Locale.ROOT,
                        "  SMS %-2s    %,15d parts        %s%n",
                        country,
                        parts,
                        cost.smsByCountry().containsKey(country)
                                ? String.format(
                                        Locale.ROOT,
                                        "%,14.2f",
                                        cost.smsByCountry().get(country))
                                : "  (no price)"));
        out.printf(Locale.ROOT, "  total                                   %,14.2f%n", cost.total());
        out.println("duration");
        out.println("  " + duration("email", "emails", preview.email()));
        out.println("  " + duration("SMS", "parts", preview.sms()));
        preview.emailAtAccountRate()
                .ifPresent(at -> out.println("  " + duration("email at the account's SES rate", "emails", at)));
        out.println("  campaign: " + Durations.words(preview.elapsed()) + " from the launch to the last message");
        if (samples) {
            out.println("samples (synthetic people)");
            for (var sample : preview.samples()) {
                out.printf("  %s · %s%n", sample.locale().code(), sample.person());
                out.println("    email:");
                sample.email().lines().forEach(line -> out.println("      | " + line));
                out.println("    SMS:");
                sample.sms().lines().forEach(line -> out.println("      | " + line));
            }
        }
        if (!preview.warnings().isEmpty()) {
            out.println("warnings");
            preview.warnings().forEach(w -> out.println("  - " + w));
        }
        out.println("notes");
        preview.notes().forEach(n -> out.println("  - " + n));
        out.flush();
    }

    private static String duration(String name, String unit, DurationModel.ChannelDuration d) {
        String window = d.window().map(SendWindow::code).orElse("any hour");
        return String.format(
                Locale.ROOT,
                "%s: %,d %s at %,d/s = %s of sending; window %s: %s",
                name,
                d.units(),
                unit,
                d.perSecond(),
                Durations.words(d.sending()),
                window,
                Durations.words(d.elapsed()));
    }

    static Map<String, Object> json(CampaignPreview preview, String noticeSource, boolean samples) {
        var campaign = preview.campaign();
        var audience = preview.audience();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("campaign", campaign.id());
        json.put("title", campaign.title());
        json.put("policy", campaign.policy().code());
        json.put("notice", noticeSource);
        Map<String, Object> recipients = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            Map<String, Object> perLocale = new LinkedHashMap<>();
            for (NoticeLocale locale : NoticeLocale.values()) {
                perLocale.put(locale.code(), audience.on(channel, locale));
            }
            perLocale.put("total", audience.on(channel));
            recipients.put(channel.code(), perLocale);
        }
        recipients.put("sms_by_country", audience.smsByCountry());
        recipients.put("unreachable", audience.unreachable());
        json.put("recipients", recipients);
        List<Map<String, Object>> parts = new ArrayList<>();
        for (var p : preview.smsParts()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("locale", p.locale().code());
            entry.put("text", p.customer() ? "customer" : "address_book");
            entry.put("encoding", p.encoding().name());
            entry.put("characters", p.characters());
            entry.put("parts", p.parts());
            parts.add(entry);
        }
        json.put("sms_parts", parts);
        json.put("sms_parts_by_country", preview.smsPartsByCountry());
        var cost = preview.cost();
        Map<String, Object> costJson = new LinkedHashMap<>();
        costJson.put("currency", cost.currency());
        costJson.put("email", cost.email());
        costJson.put("sms", cost.smsByCountry());
        costJson.put("total", cost.total());
        costJson.put("unpriced_countries", cost.unpriced());
        json.put("cost", costJson);
        Map<String, Object> duration = new LinkedHashMap<>();
        duration.put("email", duration(preview.email()));
        duration.put("sms", duration(preview.sms()));
        duration.put(
                "email_at_account_rate",
                preview.emailAtAccountRate().map(PreviewReport::duration).orElse(null));
        duration.put("elapsed_seconds", preview.elapsed().toSeconds());
        json.put("duration", duration);
        if (samples) {
            List<Map<String, Object>> sampleJson = new ArrayList<>();
            for (var s : preview.samples()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("locale", s.locale().code());
                entry.put("person", s.person());
                entry.put("email", s.email());
                entry.put("sms", s.sms());
                sampleJson.add(entry);
            }
            json.put("samples", sampleJson);
        }
        json.put("warnings", preview.warnings());
        json.put("notes", preview.notes());
        return json;
    }

    private static Map<String, Object> duration(DurationModel.ChannelDuration d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("units", d.units());
        json.put("per_second", d.perSecond());
        json.put("window", d.window().map(SendWindow::code).orElse(null));
        json.put("sending_seconds", d.sending().toSeconds());
        json.put("elapsed_seconds", d.elapsed().toSeconds());
        return json;
    }
}
