package com.breachnotice.core.sending;

/** A provider's answer for one message, in neutral terms. */
public sealed interface SendResult {

    /** Taken by the provider; it will report delivery events under this id. */
    record Accepted(String messageId) implements SendResult {}

    /** Refused for good (bad address, suppressed, rejected content): record and do not retry. */
    record Rejected(String reason) implements SendResult {}

    /** Over the provider's rate: retry later, slower. */
    record Throttled(String reason) implements SendResult {}

    /** A transient fault (5xx, timeout): retry later. */
    record Failed(String reason) implements SendResult {}
}
