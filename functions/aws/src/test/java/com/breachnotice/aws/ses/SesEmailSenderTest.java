package com.breachnotice.aws.ses;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.sending.BulkEmail;
import com.breachnotice.core.sending.SendResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.BulkEmailEntry;
import software.amazon.awssdk.services.sesv2.model.BulkEmailEntryResult;
import software.amazon.awssdk.services.sesv2.model.BulkEmailStatus;
import software.amazon.awssdk.services.sesv2.model.InternalServiceErrorException;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendBulkEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendBulkEmailResponse;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/** The SES request shape and status mapping: aws-ses-v2-local keeps neither tags nor the configuration set. */
class SesEmailSenderTest {

    static final class RecordingSes implements SesV2Client {
        final List<SendBulkEmailRequest> requests = new ArrayList<>();
        SdkException failure;
        List<BulkEmailEntryResult> results = List.of();

        @Override
        public SendBulkEmailResponse sendBulkEmail(SendBulkEmailRequest request) {
            requests.add(request);
            if (failure != null) {
                throw failure;
            }
            return SendBulkEmailResponse.builder()
                    .bulkEmailEntryResults(results)
                    .build();
        }

        @Override
        public String serviceName() {
            return "ses";
        }

        @Override
        public void close() {}
    }

    private final RecordingSes ses = new RecordingSes();
    private final SesEmailSender sender = new SesEmailSender(ses, "notices@example.com", "bn-notices");

    private static BulkEmail email(String to) {
        return new BulkEmail(
                to,
                Map.of("name", "김민수", "items", List.of("Name", "Order history"), "reference", "ABCD-EFGH-JKMN-P0"),
                Map.of("campaign", "incident-1", "contact", "Eabc"));
    }

    private static BulkEmailEntryResult result(BulkEmailStatus status) {
        return BulkEmailEntryResult.builder()
                .status(status)
                .messageId("msg")
                .error("quoting a@example.com")
                .build();
    }

    @Test
    void sendBulk_buildsOneTemplatedEntryPerDestination() {
        ses.results = List.of(result(BulkEmailStatus.SUCCESS), result(BulkEmailStatus.SUCCESS));

        sender.sendBulk("bn-incident-1-ko", List.of(email("a@example.com"), email("b@example.com")));

        SendBulkEmailRequest request = ses.requests.get(0);
        assertThat(request.fromEmailAddress()).isEqualTo("notices@example.com");
        assertThat(request.configurationSetName()).isEqualTo("bn-notices");
        assertThat(request.defaultContent().template().templateName()).isEqualTo("bn-incident-1-ko");
        assertThat(request.defaultContent().template().templateData()).isEqualTo("{}");
        assertThat(request.bulkEmailEntries()).hasSize(2);
        BulkEmailEntry entry = request.bulkEmailEntries().get(1);
        assertThat(entry.destination().toAddresses()).containsExactly("b@example.com");
        assertThat(entry.replacementTags())
                .containsExactly(
                        MessageTag.builder()
                                .name("campaign")
                                .value("incident-1")
                                .build(),
                        MessageTag.builder().name("contact").value("Eabc").build());
        assertThat(entry.replacementEmailContent().replacementTemplate().replacementTemplateData())
                .contains(
                        "\"name\":\"김민수\"",
                        "\"items\":[\"Name\",\"Order history\"]",
                        "\"reference\":\"ABCD-EFGH-JKMN-P0\"");
    }

    @Test
    void sendBulk_mapsEachEntryInOrder_andNeverQuotesSesMessages() {
        ses.results = List.of(
                result(BulkEmailStatus.SUCCESS),
                result(BulkEmailStatus.MESSAGE_REJECTED),
                result(BulkEmailStatus.ACCOUNT_THROTTLED));

        List<SendResult> results =
                sender.sendBulk("t", List.of(email("a@example.com"), email("b@example.com"), email("c@example.com")));

        assertThat(results)
                .containsExactly(
                        new SendResult.Accepted("msg"),
                        new SendResult.Rejected("ses:MESSAGE_REJECTED"),
                        new SendResult.Throttled("ses:ACCOUNT_THROTTLED"));
    }

    private static final Set<BulkEmailStatus> THROTTLED = EnumSet.of(
            BulkEmailStatus.ACCOUNT_THROTTLED,
            BulkEmailStatus.ACCOUNT_DAILY_QUOTA_EXCEEDED,
            BulkEmailStatus.ACCOUNT_SENDING_PAUSED,
            BulkEmailStatus.CONFIGURATION_SET_SENDING_PAUSED);
    private static final Set<BulkEmailStatus> FAILED = EnumSet.of(
            BulkEmailStatus.TRANSIENT_FAILURE, BulkEmailStatus.FAILED, BulkEmailStatus.UNKNOWN_TO_SDK_VERSION);

    @ParameterizedTest
    @EnumSource(BulkEmailStatus.class)
    void classify_everyBulkStatus(BulkEmailStatus status) {
        SendResult result = SesEmailSender.classify(result(status));

        Class<?> expected = status == BulkEmailStatus.SUCCESS
                ? SendResult.Accepted.class
                : THROTTLED.contains(status)
                        ? SendResult.Throttled.class
                        : FAILED.contains(status) ? SendResult.Failed.class : SendResult.Rejected.class;
        assertThat(result).isInstanceOf(expected);
        assertThat(result.toString()).doesNotContain("@");
    }

    @Test
    void sendBulk_wholeCallFailure_appliesToEveryEntry() {
        List<BulkEmail> two = List.of(email("a@example.com"), email("b@example.com"));

        ses.failure = TooManyRequestsException.builder().statusCode(429).build();
        assertThat(sender.sendBulk("t", two)).hasSize(2).allMatch(SendResult.Throttled.class::isInstance);
        ses.failure = BadRequestException.builder().statusCode(400).build();
        assertThat(sender.sendBulk("t", two)).hasSize(2).allMatch(SendResult.Rejected.class::isInstance);
        ses.failure = NotFoundException.builder().statusCode(404).build();
        assertThat(sender.sendBulk("t", two)).allMatch(SendResult.Rejected.class::isInstance);
        ses.failure = InternalServiceErrorException.builder().statusCode(500).build();
        assertThat(sender.sendBulk("t", two)).allMatch(SendResult.Failed.class::isInstance);
        ses.failure = SdkClientException.create("Read timed out");
        assertThat(sender.sendBulk("t", two)).allMatch(SendResult.Failed.class::isInstance);
    }

    @Test
    void sendBulk_missingEntryResults_areFailedNotLost() {
        ses.results = List.of(result(BulkEmailStatus.SUCCESS));

        assertThat(sender.sendBulk("t", List.of(email("a@example.com"), email("b@example.com"))))
                .containsExactly(new SendResult.Accepted("msg"), new SendResult.Failed("ses:MISSING_ENTRY_RESULT"));
    }
}
