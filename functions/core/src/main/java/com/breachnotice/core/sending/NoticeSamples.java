package com.breachnotice.core.sending;

import com.breachnotice.core.campaign.NoticeText;
import java.util.List;
import java.util.Map;

/**
 * A notice as one person would read it, rendered by the sender's own code: what a preview shows
 * for synthetic people before a launch.
 */
public final class NoticeSamples {

    private NoticeSamples() {}

    /** The subject and the text part of the email, as SES renders them from the templates. */
    public static String emailText(
            NoticeText text, String name, List<String> labels, List<String> newLabels, String reference) {
        Map<String, Object> data = NoticeRendering.emailData(name, labels, newLabels, reference);
        return TemplateRendering.render(text.subject(), data) + "\n\n" + TemplateRendering.render(text.text(), data);
    }

    /** The finished SMS of {@code template} ({@link NoticeText#sms()} or {@code smsAddressBook()}). */
    public static String sms(String template, List<String> labels, String reference) {
        return NoticeRendering.sms(template, labels, reference);
    }
}
