package com.breachnotice.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

class LocalEmulatorIT {

    private final LocalEmulator emulator = LocalEmulator.shared();

    @BeforeEach
    void reset() {
        emulator.reset();
    }

    @Test
    void recordedEmails_returnWhatSesV2Accepted() {
        try (SesV2Client ses = SesV2Client.builder()
                .endpointOverride(emulator.sesEndpoint())
                .region(Region.of(emulator.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder()
                        .socketTimeout(Duration.ofSeconds(10))
                        .build())
                .build()) {
            String messageId = send(ses, "first@example.com", "Notice");

            assertThat(emulator.recordedEmails()).singleElement().satisfies(email -> {
                assertThat(email.messageId()).isEqualTo(messageId);
                assertThat(email.from()).isEqualTo("notices@breach-notice.example");
                assertThat(email.to()).containsExactly("first@example.com");
                assertThat(email.subject()).isEqualTo("Notice");
                assertThat(email.text()).isEqualTo("text body");
                assertThat(email.html()).isEqualTo("<p>html body</p>");
            });
        }
    }

    @Test
    void recordedSms_returnWhatSnsPublishedToPhoneNumbers() {
        try (SnsClient sns = SnsClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.of(emulator.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            String messageId = sns.publish(r -> r.phoneNumber("+821012345678").message("code 123456"))
                    .messageId();

            assertThat(emulator.recordedSms())
                    .containsExactly(new RecordedSms(messageId, "+821012345678", "code 123456"));
        }
    }

    @Test
    void reset_forgetsEmailsAndSms() {
        emulator.applyToSystemProperties();
        try (SesV2Client ses = SesV2Client.builder()
                        .httpClient(UrlConnectionHttpClient.create())
                        .build();
                SnsClient sns = SnsClient.builder()
                        .httpClient(UrlConnectionHttpClient.create())
                        .build()) {
            send(ses, "someone@example.com", "Before reset");
            sns.publish(r -> r.phoneNumber("+821099999999").message("before reset"));
            assertThat(emulator.recordedEmails()).hasSize(1);
            assertThat(emulator.recordedSms()).hasSize(1);

            emulator.reset();

            assertThat(emulator.recordedEmails()).isEmpty();
            assertThat(emulator.recordedSms()).isEmpty();
        }
    }

    /**
     * The SDK reads the SES v2 endpoint from {@value LocalEmulator#SES_V2_ENDPOINT_PROPERTY}. Were it
     * ignored, the client would fall back to {@code aws.endpointUrl}, which is moto: moto accepts
     * SendEmail too, but aws-ses-v2-local would then record nothing.
     */
    @Test
    void applyToSystemProperties_pointsSesV2ClientsWithoutOverrideAtSesLocal() {
        emulator.applyToSystemProperties();
        try (SesV2Client ses = SesV2Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            String messageId = send(ses, "property@example.com", "Through system properties");

            assertThat(emulator.recordedEmails())
                    .extracting(RecordedEmail::messageId)
                    .containsExactly(messageId);
        }
    }

    private static String send(SesV2Client ses, String to, String subject) {
        return ses.sendEmail(r -> r.fromEmailAddress("notices@breach-notice.example")
                        .destination(d -> d.toAddresses(to))
                        .content(c -> c.simple(m -> m.subject(s -> s.data(subject))
                                .body(b -> b.text(t -> t.data("text body")).html(h -> h.data("<p>html body</p>"))))))
                .messageId();
    }
}
