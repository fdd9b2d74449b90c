package com.breachnotice.core.events;

import java.time.Instant;

/**
 * What the SMS provider reported for one message: the provider's message id (SNS's {@code
 * MessageId}), whether the carrier took it, the provider's response text (a carrier status such as
 * "Phone is currently unreachable/unavailable", never the number), and when.
 */
public record SmsDeliveryReport(String providerMessageId, boolean delivered, String providerResponse, Instant at) {}
