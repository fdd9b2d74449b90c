package com.breachnotice.aws.ses;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.sending.BulkEmail;
import com.breachnotice.core.sending.SendResult;
import com.breachnotice.emulator.LocalEmulator;
import com.breachnotice.emulator.ProvisionedStack;
import com.breachnotice.emulator.RecordedEmail;
import com.breachnotice.emulator.ResourceProvisioner;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Templates and bulk sends against aws-ses-v2-local, which renders the templates it stores. */
class SesEmailSenderIT {

    private static LocalEmulator emulator;
    private static SesV2Client ses;
    private static SesEmailSender sender;

    @BeforeAll
    static void provision() {
        ProvisionedStack stack = TestStacks.provision(SesEmailSenderIT.class);
        emulator = TestStacks.emulator();
        ses = TestStacks.clients().ses();
        sender = new SesEmailSender(
                ses,
                ResourceProvisioner.LOCAL_PARAMETERS.get("NoticeFromAddress"),
                stack.physicalId("NoticeConfigurationSet"));
    }

    private static Campaign campaign(String id, String subject) {
        NoticeText en = new NoticeText(
                subject,
                "Dear {{name}}, these items leaked:\n{{#each items}}- {{this}}\n{{/each}}Reference {{reference}}",
                "<p>Dear {{name}}</p><ul>{{#each items}}<li>{{this}}</li>{{/each}}</ul><p>{{reference}}</p>",
                "Leak {items} {reference}");
        NoticeText ko = new NoticeText("유출 안내", "{{name}}님", "<p>{{name}}님</p>", "유출 {items}");
        return new Campaign(
                id, "Notice", ChannelPolicy.BOTH, Instant.now(), Map.of(NoticeLocale.EN, en, NoticeLocale.KO, ko));
    }

    @Test
    void sendBulk_rendersEachDestinationsData() {
        String id = "ses-" + UUID.randomUUID().toString().substring(0, 8);
        SesEmailTemplates templates = new SesEmailTemplates(ses);
        templates.register(campaign(id, "First subject"));
        templates.register(campaign(id, "Data leak notice")); // exists: replaced, not refused
        String template = campaign(id, "x").emailTemplateName(NoticeLocale.EN);
        List<BulkEmail> emails = List.of(
                email(id, "ann", List.of("Name", "Email address"), "AAAA-BBBB-CCCC-D0"),
                email(id, "bob", List.of("Order history"), "AAAA-BBBB-CCCC-D1"),
                email(id, "cho", List.of("Building entrance code"), "AAAA-BBBB-CCCC-D2"));

        List<SendResult> results = sender.sendBulk(template, emails);

        assertThat(results).hasSize(3).allSatisfy(r -> assertThat(r).isInstanceOf(SendResult.Accepted.class));
        List<RecordedEmail> recorded = emulator.recordedEmails().stream()
                .filter(e -> e.to().get(0).endsWith("@" + id + ".example"))
                .toList();
        assertThat(recorded).hasSize(3);
        RecordedEmail bob = recorded.stream()
                .filter(e -> e.to().equals(List.of("bob@" + id + ".example")))
                .findFirst()
                .orElseThrow();
        assertThat(bob.subject()).isEqualTo("Data leak notice");
        assertThat(bob.text()).isEqualTo("Dear bob, these items leaked:\n- Order history\nReference AAAA-BBBB-CCCC-D1");
        assertThat(bob.html()).contains("<li>Order history</li>").doesNotContain("Email address");
        assertThat(bob.messageId()).isEqualTo(((SendResult.Accepted) results.get(1)).messageId());
    }

    @Test
    void sendBulk_unknownTemplate_rejectsEveryEntry() {
        List<SendResult> results = sender.sendBulk(
                "bn-no-such-template-en",
                List.of(email("x", "a", List.of("Name"), "r"), email("x", "b", List.of(), "r")));

        assertThat(results).hasSize(2).allSatisfy(r -> assertThat(r).isInstanceOf(SendResult.Rejected.class));
    }

    @Test
    void send_deliversOnePlainMessage() {
        String to = "code-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        SendResult result = sender.send(to, "Your code", "Your code is 482913");

        assertThat(result).isInstanceOf(SendResult.Accepted.class);
        assertThat(emulator.recordedEmails())
                .filteredOn(e -> e.to().equals(List.of(to)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.subject()).isEqualTo("Your code");
                    assertThat(e.text()).isEqualTo("Your code is 482913");
                });
    }

    private static BulkEmail email(String id, String name, List<String> items, String reference) {
        return new BulkEmail(
                name + "@" + id + ".example",
                Map.of("name", name, "items", items, "reference", reference),
                Map.of("campaign", id, "contact", "E" + name));
    }
}
