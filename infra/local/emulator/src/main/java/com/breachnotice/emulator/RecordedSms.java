package com.breachnotice.emulator;

/**
 * One SMS published through SNS ({@code Publish} with {@code PhoneNumber}) that moto recorded.
 *
 * @param messageId the id SNS returned to the sender
 * @param phoneNumber the E.164 number it was addressed to
 * @param message the text
 */
public record RecordedSms(String messageId, String phoneNumber, String message) {}
