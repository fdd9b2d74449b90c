package com.breachnotice.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CampaignTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"", "First", "-first", "first notice", "a/b", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            })
    void constructor_badId_refused(String id) {
        assertThatThrownBy(() -> Fixtures.campaign(id, ChannelPolicy.BOTH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"first", "2026-03-revised", "a"})
    void constructor_goodId_accepted(String id) {
        assertThat(Fixtures.campaign(id, ChannelPolicy.BOTH).id()).isEqualTo(id);
    }

    @Test
    void constructor_missingLocaleText_refused() {
        assertThatThrownBy(() -> new Campaign(
                        "first", "t", ChannelPolicy.BOTH, Fixtures.T0, Map.of(NoticeLocale.KO, Fixtures.koText())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("en");
    }

    @Test
    void emailTemplateName_perLocale() {
        Campaign campaign = Fixtures.campaign("first", ChannelPolicy.BOTH);

        assertThat(campaign.emailTemplateName(NoticeLocale.KO)).isEqualTo("bn-first-ko");
        assertThat(campaign.emailTemplateName(NoticeLocale.EN)).isEqualTo("bn-first-en");
        assertThat(campaign.text(NoticeLocale.EN)).isEqualTo(Fixtures.enText());
    }

    @Test
    void itemLabels_everyItemInFixedOrder() {
        assertThat(ItemLabels.labels(
                        java.util.EnumSet.of(
                                com.breachnotice.core.manifest.ItemKind.ORDER_HISTORY,
                                com.breachnotice.core.manifest.ItemKind.NAME),
                        NoticeLocale.KO))
                .containsExactly("이름", "주문 내역");
    }
}
