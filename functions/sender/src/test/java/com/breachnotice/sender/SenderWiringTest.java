package com.breachnotice.sender;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breachnotice.aws.config.FunctionEnvironment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SenderWiringTest {

    @Test
    void noticeHandler_missingVariable_failsAtStartUpNamingIt() {
        assertThatThrownBy(() -> new NoticeHandler(Map.of("CAMPAIGN_TABLE", "campaigns")))
                .isInstanceOf(FunctionEnvironment.MissingSettingException.class)
                .hasMessage("missing environment variable CONTACT_TABLE");
    }

    @Test
    void challengeCodeHandler_missingVariable_failsAtStartUpNamingIt() {
        assertThatThrownBy(() -> new ChallengeCodeHandler(Map.of()))
                .isInstanceOf(FunctionEnvironment.MissingSettingException.class)
                .hasMessage("missing environment variable CAMPAIGN_TABLE");
    }
}
