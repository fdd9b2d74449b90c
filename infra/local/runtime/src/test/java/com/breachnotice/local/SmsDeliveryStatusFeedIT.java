package com.breachnotice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.dynamodb.DynamoDbDeliveryLog;
import com.breachnotice.aws.sns.SnsSmsSender;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.delivery.Delivery;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.sending.SendResult;
import com.breachnotice.emulator.LocalEmulator;
import com.breachnotice.emulator.ProvisionedStack;
import com.breachnotice.emulator.ResourceProvisioner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SMS results end to end on the emulator, as in AWS: an SMS published through SNS (moto records it),
 * a delivery-status log line for it in SNS's format, handed by the local runtime as a CloudWatch Logs
 * subscription delivery to the real {@code SmsResultFunction} of template.yaml, which moves the
 * delivery to delivered, or to failed for a number configured to fail.
 */
class SmsDeliveryStatusFeedIT {

    private static final String FAILING = "+821099990000";

    private static ProvisionedStack stack;
    private static LocalRuntime runtime;
    private static AwsClients aws;

    @BeforeAll
    static void start() {
        LocalEmulator emulator = LocalEmulator.shared();
        emulator.applyToSystemProperties();
        System.setProperty(SmsDeliveryStatusFeed.FAILURE_SETTING, "\\+82109999.*");
        stack = ResourceProvisioner.forEmulator(emulator)
                .provision("it-sms-" + UUID.randomUUID().toString().substring(0, 6));
        runtime = TemplateFunctions.runtime(
                        stack, emulator.endpoint(), emulator.environment(), LocalRuntimeOptions.defaults())
                .start();
        aws = new AwsClients();
    }

    @AfterAll
    static void stop() {
        System.clearProperty(SmsDeliveryStatusFeed.FAILURE_SETTING);
        if (runtime != null) {
            runtime.close();
        }
        if (aws != null) {
            aws.close();
        }
    }

    @Test
    void sms_publishedAndRecorded_endsDelivered_orFailedForAFailingNumber() {
        DynamoDbDeliveryLog log = new DynamoDbDeliveryLog(aws.dynamoDb(), stack.physicalId("DeliveryTable"));
        SnsSmsSender sender = new SnsSmsSender(aws.sns());
        DeliveryId reached = send(log, sender, "+821012345678", 1);
        DeliveryId unreachable = send(log, sender, FAILING, 2);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> log.find(reached).map(Delivery::status).orElseThrow() == DeliveryStatus.DELIVERED
                        && log.find(unreachable).map(Delivery::status).orElseThrow() == DeliveryStatus.FAILED);

        assertThat(log.find(reached).orElseThrow().history())
                .extracting(change -> change.status())
                .containsExactly(DeliveryStatus.SENT, DeliveryStatus.DELIVERED);
        assertThat(log.find(unreachable).orElseThrow().reason())
                .contains("sms:phone-is-currently-unreachable/unavailable");
    }

    /** As the SMS sender does it: publish, then record the delivery with SNS's message id. */
    private static DeliveryId send(DynamoDbDeliveryLog log, SnsSmsSender sender, String phone, int n) {
        DeliveryId id = new DeliveryId(new ContactKey("P1" + Integer.toString(n).repeat(64)), "sms-it", Channel.SMS);
        SendResult result = sender.send(phone, "[ExampleMall] test notice " + n);
        String messageId = ((SendResult.Accepted) result).messageId();
        log.record(List.of(new DeliveryRecord(
                id, DeliveryStatus.SENT, "ref-" + n, Optional.of(messageId), Optional.empty(), Instant.now())));
        return id;
    }
}
