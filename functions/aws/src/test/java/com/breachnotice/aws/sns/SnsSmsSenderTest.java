package com.breachnotice.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.sending.SendResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InternalErrorException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.OptedOutException;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.ThrottledException;

class SnsSmsSenderTest {

    static final class RecordingSns implements SnsClient {
        final List<PublishRequest> requests = new ArrayList<>();
        SdkException failure;

        @Override
        public PublishResponse publish(PublishRequest request) {
            requests.add(request);
            if (failure != null) {
                throw failure;
            }
            return PublishResponse.builder().messageId("sns-1").build();
        }

        @Override
        public String serviceName() {
            return "sns";
        }

        @Override
        public void close() {}
    }

    private final RecordingSns sns = new RecordingSns();
    private final SnsSmsSender sender = new SnsSmsSender(sns);

    @Test
    void send_publishesATransactionalSmsToTheNumber() {
        assertThat(sender.send("+821012345678", "notice")).isEqualTo(new SendResult.Accepted("sns-1"));

        PublishRequest request = sns.requests.get(0);
        assertThat(request.phoneNumber()).isEqualTo("+821012345678");
        assertThat(request.topicArn()).isNull();
        assertThat(request.messageAttributes().get("AWS.SNS.SMS.SMSType").dataType())
                .isEqualTo("String");
        assertThat(request.messageAttributes().get("AWS.SNS.SMS.SMSType").stringValue())
                .isEqualTo("Transactional");
    }

    @Test
    void send_classifiesFailures_withoutQuotingTheNumber() {
        sns.failure = ThrottledException.builder()
                .statusCode(400)
                .message("+821012345678")
                .build();
        assertThat(sender.send("+821012345678", "x")).isInstanceOf(SendResult.Throttled.class);
        sns.failure = OptedOutException.builder().statusCode(400).build();
        assertThat(sender.send("+821012345678", "x")).isInstanceOf(SendResult.Rejected.class);
        sns.failure = InvalidParameterException.builder()
                .statusCode(400)
                .message("+821012345678")
                .build();
        SendResult invalid = sender.send("+821012345678", "x");
        assertThat(invalid).isInstanceOf(SendResult.Rejected.class);
        assertThat(invalid.toString()).doesNotContain("+8210");
        sns.failure = InternalErrorException.builder().statusCode(500).build();
        assertThat(sender.send("+821012345678", "x")).isInstanceOf(SendResult.Failed.class);
        sns.failure = SdkClientException.create("timeout");
        assertThat(sender.send("+821012345678", "x")).isInstanceOf(SendResult.Failed.class);
    }
}
