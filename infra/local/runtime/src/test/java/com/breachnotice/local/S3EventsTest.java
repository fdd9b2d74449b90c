package com.breachnotice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import org.junit.jupiter.api.Test;

class S3EventsTest {

    @Test
    void fromNotification_objectCreated_mapsEveryField() {
        S3Event event = S3Events.fromNotification(Fixtures.event("s3-object-created.json"))
                .orElseThrow();

        assertThat(event.getRecords()).hasSize(1);
        S3EventNotificationRecord record = event.getRecords().get(0);
        assertThat(record.getEventSource()).isEqualTo("aws:s3");
        assertThat(record.getEventName()).isEqualTo("ObjectCreated:Put");
        assertThat(record.getEventVersion()).isEqualTo("2.1");
        assertThat(record.getAwsRegion()).isEqualTo("eu-west-1");
        assertThat(record.getEventTime().getMillis()).isEqualTo(1741083330123L);
        assertThat(record.getRequestParameters().getSourceIPAddress()).isEqualTo("203.0.113.7");
        assertThat(record.getResponseElements().getxAmzRequestId()).isEqualTo("C3D13FE58DE4C810");
        assertThat(record.getUserIdentity().getPrincipalId()).isEqualTo("AWS:AIDAEXAMPLE");
        assertThat(record.getS3().getConfigurationId()).isEqualTo("ManifestUploadedFunction.ManifestCreated");
        assertThat(record.getS3().getBucket().getName()).isEqualTo("bn-manifests-123456789012");
        assertThat(record.getS3().getBucket().getArn()).isEqualTo("arn:aws:s3:::bn-manifests-123456789012");
        assertThat(record.getS3().getBucket().getOwnerIdentity().getPrincipalId())
                .isEqualTo("A3NL1KOZZKExample");
        assertThat(record.getS3().getObject().getSizeAsLong()).isEqualTo(1_048_576L);
        assertThat(record.getS3().getObject().geteTag()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(record.getS3().getObject().getVersionId()).isEqualTo("096fKKXTRTtl3on89fVO.nfljtsv6qko");
        assertThat(record.getS3().getObject().getSequencer()).isEqualTo("0055AED6DCD90281E5");
    }

    @Test
    void fromNotification_encodedKey_staysEncodedAndDecodesLikeOnAws() {
        S3Event event = S3Events.fromNotification(Fixtures.event("s3-object-created.json"))
                .orElseThrow();

        var object = event.getRecords().get(0).getS3().getObject();
        assertThat(object.getKey()).isEqualTo("manifests/incident+2025%2F03/customers+%C3%A9t%C3%A9.csv");
        assertThat(object.getUrlDecodedKey()).isEqualTo("manifests/incident 2025/03/customers été.csv");
    }

    @Test
    void fromNotification_testEvent_isIgnored() {
        assertThat(S3Events.fromNotification(Fixtures.event("s3-test-event.json")))
                .isEmpty();
    }

    @Test
    void fromNotification_notJson_isRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> S3Events.fromNotification("hello"));
        assertThatIllegalArgumentException().isThrownBy(() -> S3Events.fromNotification("{\"x\":1}"));
    }
}
