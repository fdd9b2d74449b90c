package com.breachnotice.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.campaign.SendWindow;
import com.breachnotice.core.campaign.SendWindows;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.planning.PlanProgress;
import com.breachnotice.core.planning.PlanTask;
import com.breachnotice.emulator.ProvisionedStack;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The campaigns table: {@link DynamoDbCampaignStore} and {@link DynamoDbPlanLedger} share it. */
class DynamoDbCampaignTableIT {

    private static DynamoDbCampaignStore campaigns;
    private static DynamoDbPlanLedger ledger;

    @BeforeAll
    static void provision() {
        ProvisionedStack stack = TestStacks.provision(DynamoDbCampaignTableIT.class);
        String table = stack.physicalId("CampaignTable");
        campaigns = new DynamoDbCampaignStore(TestStacks.clients().dynamoDb(), table);
        ledger = new DynamoDbPlanLedger(TestStacks.clients().dynamoDb(), table);
    }

    static Campaign campaign(String id, String title) {
        return new Campaign(
                id,
                title,
                ChannelPolicy.EMAIL_FIRST,
                Instant.parse("2025-03-01T09:00:00.123Z"),
                Map.of(
                        NoticeLocale.KO,
                        new NoticeText("개인정보 유출 안내", "{{name}}님, 유출 항목", "<p>{{name}}님</p>", "유출 {items} {reference}"),
                        NoticeLocale.EN,
                        new NoticeText("Data leak notice", "Dear {{name}}", "<p>Dear {{name}}</p>", "Leak {items}")));
    }

    @Test
    void create_thenFind_roundTrips_andCreateNeverOverwrites() {
        Campaign first = campaign("incident-1", "First notice");

        assertThat(campaigns.create(first)).isTrue();
        assertThat(campaigns.create(campaign("incident-1", "Other title"))).isFalse();

        assertThat(campaigns.find("incident-1")).contains(first);
        assertThat(campaigns.find("unknown")).isEmpty();
    }

    @Test
    void create_withSendWindows_roundTrips_andOneStoredWithoutReadsAlwaysOpen() {
        Campaign windowed = campaign("windowed-1", "Windowed")
                .withWindows(new SendWindows(
                        Optional.of(SendWindow.parse("22:00-06:00@Europe/Berlin")),
                        Optional.of(SendWindow.SMS_DEFAULT)));

        assertThat(campaigns.create(windowed)).isTrue();
        assertThat(campaigns.find("windowed-1")).contains(windowed);
        // An item written before windows existed has neither attribute.
        assertThat(campaigns.create(campaign("unwindowed-1", "Old"))).isTrue();
        assertThat(campaigns.find("unwindowed-1").orElseThrow().windows()).isEqualTo(SendWindows.ALWAYS);
    }

    @Test
    void ledger_completesPagesOnce_andSumsProgress() {
        String id = "plan-1";
        campaigns.create(campaign(id, "Plan"));
        PlanTask s0p0 = new PlanTask(id, 0, 2, 0, Optional.empty());
        PlanTask s0p1 = s0p0.next("E-after-page-0");
        PlanTask s1p0 = new PlanTask(id, 1, 2, 0, Optional.empty());

        assertThat(ledger.progress(id)).isEqualTo(new PlanProgress(0, 0, 0));
        assertThat(ledger.isCompleted(s0p0)).isFalse();
        ledger.complete(s0p0, Map.of(Channel.EMAIL, 1000L), false);
        ledger.complete(s0p0, Map.of(Channel.EMAIL, 999L), false);
        ledger.complete(s0p1, Map.of(Channel.EMAIL, 20L), true);

        assertThat(ledger.isCompleted(s0p0)).isTrue();
        assertThat(ledger.isCompleted(s1p0)).isFalse();
        assertThat(ledger.progress(id)).isEqualTo(new PlanProgress(1020, 1, 2));

        ledger.complete(s1p0, Map.of(Channel.EMAIL, 5L), true);
        PlanProgress done = ledger.progress(id);
        assertThat(done).isEqualTo(new PlanProgress(1025, 2, 2));
        assertThat(done.complete()).isTrue();
        assertThat(campaigns.find(id)).isPresent();
    }
}
