package com.breachnotice.aws.sns;

import com.breachnotice.core.sending.SendResult;
import com.breachnotice.core.sending.SmsSender;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.OptedOutException;
import software.amazon.awssdk.services.sns.model.ThrottledException;

/**
 * {@link SmsSender} on SNS: a direct {@code Publish} to the phone number as a transactional SMS
 * (highest delivery priority; a breach notice is not marketing). SNS itself refuses numbers that
 * opted out ({@code OptedOutException}), so no separate opt-out check is made. Reasons carry error
 * codes only, never SNS's message text, which can quote the number.
 */
public final class SnsSmsSender implements SmsSender {

    static final Map<String, MessageAttributeValue> ATTRIBUTES = Map.of(
            "AWS.SNS.SMS.SMSType",
            MessageAttributeValue.builder()
                    .dataType("String")
                    .stringValue("Transactional")
                    .build());

    private final SnsClient sns;

    public SnsSmsSender(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public SendResult send(String phoneE164, String text) {
        try {
            String messageId = sns.publish(
                            b -> b.phoneNumber(phoneE164).message(text).messageAttributes(ATTRIBUTES))
                    .messageId();
            return new SendResult.Accepted(messageId);
        } catch (SdkException e) {
            return classify(e);
        }
    }

    static SendResult classify(SdkException e) {
        String reason = "sns:" + errorCode(e);
        if (e instanceof ThrottledException
                || (e instanceof SdkServiceException service && service.isThrottlingException())) {
            return new SendResult.Throttled(reason);
        }
        if (e instanceof InvalidParameterException
                || e instanceof InvalidParameterValueException
                || e instanceof OptedOutException) {
            return new SendResult.Rejected(reason);
        }
        return new SendResult.Failed(reason);
    }

    private static String errorCode(SdkException e) {
        if (e instanceof AwsServiceException aws
                && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null) {
            return aws.awsErrorDetails().errorCode();
        }
        if (e instanceof SdkServiceException service) {
            return "HTTP_" + service.statusCode();
        }
        return e.getClass().getSimpleName();
    }
}
