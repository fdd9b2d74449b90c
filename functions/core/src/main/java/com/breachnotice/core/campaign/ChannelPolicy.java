package com.breachnotice.core.campaign;

import com.breachnotice.core.contact.ContactKind;
import java.util.Locale;
import java.util.Optional;

/** Which channels a campaign uses for which contact. One delivery per contact and channel. */
public enum ChannelPolicy {
    /** Email to every email contact; SMS only to the phones of people without a usable email. */
    EMAIL_FIRST("email-first"),
    BOTH("both"),
    EMAIL_ONLY("email-only"),
    SMS_ONLY("sms-only");

    private final String code;

    ChannelPolicy(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ChannelPolicy> ofCode(String raw) {
        String wanted = raw.strip().toLowerCase(Locale.ROOT);
        for (ChannelPolicy policy : values()) {
            if (policy.code.equals(wanted)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether this contact is a person's only way in and the campaign cannot use it: a phone whose
     * owner has no usable email, when it cannot take SMS or the policy sends email only. Such a
     * person is recorded as unreachable, never silently skipped.
     */
    public boolean unreachable(ContactKind kind, boolean smsCapable, boolean ownerWithoutEmail) {
        return kind == ContactKind.PHONE
                && ownerWithoutEmail
                && channelFor(kind, smsCapable, ownerWithoutEmail).isEmpty();
    }

    /** The channel this campaign uses for one contact, if any. */
    public Optional<Channel> channelFor(ContactKind kind, boolean smsCapable, boolean ownerWithoutEmail) {
        if (kind == ContactKind.EMAIL) {
            return this == SMS_ONLY ? Optional.empty() : Optional.of(Channel.EMAIL);
        }
        if (!smsCapable) {
            return Optional.empty();
        }
        return switch (this) {
            case EMAIL_FIRST -> ownerWithoutEmail ? Optional.of(Channel.SMS) : Optional.empty();
            case BOTH, SMS_ONLY -> Optional.of(Channel.SMS);
            case EMAIL_ONLY -> Optional.empty();
        };
    }
}
