package com.breachnotice.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One email the SES v2 emulator (aws-ses-v2-local) accepted, templates already rendered.
 *
 * <p>aws-ses-v2-local does not keep {@code EmailTags} or the configuration set name: tests that need
 * them pin the SDK request instead.
 *
 * @param messageId the id SES returned to the sender
 * @param from {@code FromEmailAddress}
 * @param to {@code Destination.ToAddresses}
 * @param cc {@code Destination.CcAddresses}
 * @param bcc {@code Destination.BccAddresses}
 * @param subject the (rendered) subject
 * @param text the text body, if any
 * @param html the HTML body, if any
 * @param headers message headers set by the sender ({@code Content.Simple.Headers}), by name
 * @param at when the emulator accepted it (second precision)
 */
public record RecordedEmail(
        String messageId,
        String from,
        List<String> to,
        List<String> cc,
        List<String> bcc,
        String subject,
        @Nullable String text,
        @Nullable String html,
        Map<String, String> headers,
        Instant at) {

    public RecordedEmail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        headers = Map.copyOf(headers);
    }
}
