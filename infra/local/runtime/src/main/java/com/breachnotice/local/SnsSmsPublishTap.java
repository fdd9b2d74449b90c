package com.breachnotice.local;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/**
 * Sees every SMS the emulator accepted in this JVM: an SNS {@code Publish} to a phone number that
 * came back with a message id (moto recorded it). Registered for every SDK client of the JVM through
 * the SDK's classpath file {@code software/amazon/awssdk/global/handlers/execution.interceptors}; it
 * hands the publish to {@link SmsDeliveryStatusFeed}, which does nothing unless a local runtime with
 * an SMS delivery-status subscription is running. No function zip carries this module.
 */
public final class SnsSmsPublishTap implements ExecutionInterceptor {

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes executionAttributes) {
        if (context.request() instanceof PublishRequest publish
                && publish.phoneNumber() != null
                && context.response() instanceof PublishResponse response
                && response.messageId() != null) {
            SmsDeliveryStatusFeed.published(response.messageId(), publish.phoneNumber());
        }
    }
}
