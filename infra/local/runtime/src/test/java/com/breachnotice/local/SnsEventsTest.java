package com.breachnotice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import org.junit.jupiter.api.Test;

class SnsEventsTest {

    private static final String SUBSCRIPTION =
            "arn:aws:sns:eu-west-1:123456789012:bn-delivery-events:c9135db0-26c4-47ec-8998-413945fb5a96";

    @Test
    void fromEnvelope_notification_oneRecordAsLambdaGetsIt() {
        SNSEvent event = SnsEvents.fromEnvelope(Fixtures.event("sns-envelope.json"), SUBSCRIPTION);

        assertThat(event.getRecords()).hasSize(1);
        SNSEvent.SNSRecord record = event.getRecords().get(0);
        assertThat(record.getEventSource()).isEqualTo("aws:sns");
        assertThat(record.getEventVersion()).isEqualTo("1.0");
        assertThat(record.getEventSubscriptionArn()).isEqualTo(SUBSCRIPTION);
        SNSEvent.SNS sns = record.getSNS();
        assertThat(sns.getType()).isEqualTo("Notification");
        assertThat(sns.getMessageId()).isEqualTo("95df01b4-ee98-5cb9-9903-4c221d41eb5e");
        assertThat(sns.getTopicArn()).isEqualTo("arn:aws:sns:eu-west-1:123456789012:bn-delivery-events");
        assertThat(sns.getSubject()).isEqualTo("Amazon SES Email Event Notification");
        assertThat(sns.getMessage())
                .isEqualTo("{\"eventType\":\"Bounce\",\"mail\":{\"messageId\":\"0102018e-example\"}}");
        assertThat(sns.getTimestamp().getMillis()).isEqualTo(1741083330456L);
        assertThat(sns.getSignatureVersion()).isEqualTo("1");
        assertThat(sns.getSignature()).startsWith("EXAMPLEpH");
        assertThat(sns.getSigningCertUrl()).endsWith(".pem");
        assertThat(sns.getUnsubscribeUrl()).contains("Action=Unsubscribe");
        assertThat(sns.getMessageAttributes()).containsOnlyKeys("channel", "attempt");
        assertThat(sns.getMessageAttributes().get("channel").getType()).isEqualTo("String");
        assertThat(sns.getMessageAttributes().get("channel").getValue()).isEqualTo("email");
        assertThat(sns.getMessageAttributes().get("attempt").getType()).isEqualTo("Number");
        assertThat(sns.getMessageAttributes().get("attempt").getValue()).isEqualTo("2");
    }

    @Test
    void fromEnvelope_withoutSubject_hasNullSubject() {
        String envelope = "{\"Type\":\"Notification\",\"MessageId\":\"m\",\"TopicArn\":\"t\",\"Message\":\"x\","
                + "\"Timestamp\":\"2025-03-04T10:15:30.456Z\"}";

        SNSEvent.SNS sns = SnsEvents.fromEnvelope(envelope, SUBSCRIPTION)
                .getRecords()
                .get(0)
                .getSNS();

        assertThat(sns.getSubject()).isNull();
        assertThat(sns.getMessageAttributes()).isEmpty();
    }

    @Test
    void fromEnvelope_rawMessage_isRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> SnsEvents.fromEnvelope("raw body", SUBSCRIPTION));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SnsEvents.fromEnvelope("{\"Type\":\"SubscriptionConfirmation\"}", SUBSCRIPTION));
    }
}
