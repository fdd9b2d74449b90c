package com.breachnotice.core.sending;

import java.util.List;

/** The email provider (SES v2). */
public interface EmailSender {

    /** Most destinations in one bulk call. */
    int MAX_BULK = 50;

    /**
     * Sends one stored template to up to {@link #MAX_BULK} destinations in one call. Returns one
     * result per destination, in order: a bulk call can partly fail.
     */
    List<SendResult> sendBulk(String templateName, List<BulkEmail> emails);

    /** One plain message (a one-time code). */
    SendResult send(String to, String subject, String text);
}
