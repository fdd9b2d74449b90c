package com.breachnotice.core.sending;

/** The SMS provider (SNS, transactional). */
public interface SmsSender {
    SendResult send(String phoneE164, String text);
}
