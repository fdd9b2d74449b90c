package com.breachnotice.cli.campaign;

import com.breachnotice.cli.UserPaths;
import com.breachnotice.cli.notice.DefaultNotices;
import com.breachnotice.cli.notice.NoticeDirectory;
import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.campaign.SendRates;
import com.breachnotice.core.campaign.SendWindow;
import com.breachnotice.core.campaign.SendWindows;
import com.breachnotice.core.incident.IncidentDescription;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.notice.NoticeTemplate;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options that describe a campaign, shared by {@code campaign launch} and {@code campaign
 * preview}: a preview is of exactly the campaign the same words would launch.
 */
public final class LaunchOptions {
    static final int MAX_TITLE = 200;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,47}");

    @Option(names = "--id", required = true, description = "campaign id: 1-48 lower-case letters, digits, dashes")
    String id = "";

    @Option(names = "--title", required = true, description = "title shown to operators")
    String title = "";

    @Option(
            names = "--policy",
            defaultValue = "email-first",
            description = "email-first, both, email-only or sms-only (default ${DEFAULT-VALUE})")
    String policy = "email-first";

    @Option(
            names = "--email-rate",
            paramLabel = "N",
            description = "emails per second across all senders, the SES quota (default 14)")
    int emailRate = SendRates.DEFAULT.emailPerSecond();

    @Option(
            names = "--sms-rate",
            paramLabel = "N",
            description = "SMS parts per second across all senders (default 10)")
    int smsRate = SendRates.DEFAULT.smsPerSecond();

    @Option(
            names = "--segments",
            paramLabel = "N",
            defaultValue = "4",
            description = "parallel scan segments, 1..1000 (default ${DEFAULT-VALUE})")
    int segments = 4;

    @Option(
            names = "--notice",
            required = true,
            paramLabel = "first|revised|DIR",
            description = {
                "the notice to send: the built-in first or revised notice, or a directory holding one",
                "<name>.<locale>.json per language; it must pass 'notice lint', and its facts come from",
                "the incident published on the stack ('incident publish')"
            })
    String notice = "";

    @Option(
            names = "--send-window",
            paramLabel = "HH:MM-HH:MM[@Zone]|none",
            defaultValue = "08:00-21:00@Asia/Seoul",
            description = "when SMS may go out, local time of the zone (default ${DEFAULT-VALUE}); none = any hour")
    String smsWindow = "08:00-21:00@Asia/Seoul";

    @Option(
            names = "--email-send-window",
            paramLabel = "HH:MM-HH:MM[@Zone]|none",
            defaultValue = "none",
            description = "when email may go out (default ${DEFAULT-VALUE}: any hour)")
    String emailWindow = "none";

    @Option(
            names = "--prices",
            paramLabel = "FILE",
            description = "a price table (JSON, the form of the built-in " + PriceTables.BUILT_IN
                    + ") instead of the built-in list prices")
    @Nullable
    Path prices;

    Clock clock = Clock.systemUTC();

    /** Every invalid value named in the exception, before anything is read. */
    void check() {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "--id '" + id + "': a campaign id is 1-48 lower-case letters, digits or dashes");
        }
        if (title.isBlank() || title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("--title must be 1-" + MAX_TITLE + " characters");
        }
        if (ChannelPolicy.ofCode(policy).isEmpty()) {
            throw new IllegalArgumentException(
                    "--policy '" + policy + "': use email-first, both, email-only or sms-only");
        }
        if (emailRate < 1 || emailRate > 100_000 || smsRate < 1 || smsRate > 100_000) {
            throw new IllegalArgumentException("--email-rate and --sms-rate are within 1..100000 per second");
        }
        if (segments < 1 || segments > 1000) {
            throw new IllegalArgumentException("--segments must be within 1..1000");
        }
        windows();
    }

    /** The send windows the options give, each named when invalid. */
    SendWindows windows() {
        return new SendWindows(window("--email-send-window", emailWindow), window("--send-window", smsWindow));
    }

    private static Optional<SendWindow> window(String option, String raw) {
        if (raw.strip().toLowerCase(Locale.ROOT).equals("none")) {
            return Optional.empty();
        }
        try {
            return Optional.of(SendWindow.parse(raw));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    Map<NoticeLocale, NoticeTemplate> templates() throws NoticeDirectory.InvalidNoticeException {
        return NoticeDirectory.choose(notice, UserPaths.resolve(Path.of(notice)));
    }

    /** The campaign the options describe, its notice filled with the incident's facts. */
    Campaign campaign(Map<NoticeLocale, NoticeTemplate> templates, IncidentDescription incident) {
        ChannelPolicy channels = ChannelPolicy.ofCode(policy).orElseThrow();
        Map<NoticeLocale, NoticeText> texts = new EnumMap<>(NoticeLocale.class);
        templates.forEach((locale, template) -> texts.put(locale, template.render(incident)));
        return new Campaign(
                id,
                title.strip(),
                channels,
                clock.instant(),
                texts,
                new SendRates(emailRate, smsRate),
                windows(),
                Optional.empty());
    }

    String noticeSource() {
        return DefaultNotices.builtIn(notice).isPresent()
                ? "built-in " + notice + " notice"
                : UserPaths.resolve(Path.of(notice)).toString();
    }
}
