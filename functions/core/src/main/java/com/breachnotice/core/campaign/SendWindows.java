package com.breachnotice.core.campaign;

import java.util.Optional;

/**
 * The send window of each channel of a campaign; empty means always open. New campaigns send SMS
 * only in {@link SendWindow#SMS_DEFAULT} and email at any hour; campaigns stored before windows
 * existed read as {@link #ALWAYS}, so they keep sending as they were launched.
 */
public record SendWindows(Optional<SendWindow> email, Optional<SendWindow> sms) {

    public static final SendWindows ALWAYS = new SendWindows(Optional.empty(), Optional.empty());

    public static final SendWindows DEFAULT = new SendWindows(Optional.empty(), Optional.of(SendWindow.SMS_DEFAULT));

    public Optional<SendWindow> of(Channel channel) {
        return channel == Channel.EMAIL ? email : sms;
    }
}
