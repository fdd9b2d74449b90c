package com.breachnotice.core.campaign;

/**
 * How fast a campaign may send, per second, across every sender instance: email recipients
 * ({@code email_rate}, the SES sending quota) and SMS message parts ({@code sms_rate}, the
 * long-code or sender-id throughput).
 */
public record SendRates(int emailPerSecond, int smsPerSecond) {

    /** A new SES production account's quota is 14/s; SMS to Korea goes at about 10 parts/s. */
    public static final SendRates DEFAULT = new SendRates(14, 10);

    public SendRates {
        if (emailPerSecond < 1 || smsPerSecond < 1 || emailPerSecond > 100_000 || smsPerSecond > 100_000) {
            throw new IllegalArgumentException("send rates are within 1..100000 per second");
        }
    }

    public int perSecond(Channel channel) {
        return channel == Channel.EMAIL ? emailPerSecond : smsPerSecond;
    }
}
