package com.breachnotice.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breachnotice.aws.config.FunctionEnvironment;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SenderWiringTest {

    /** Every variable both sender functions read from the template's globals. */
    private static final Map<String, String> SENDER_GLOBALS = Map.ofEntries(
            Map.entry("CAMPAIGN_TABLE", "campaigns"),
            Map.entry("CONTACT_TABLE", "contacts"),
            Map.entry("DELIVERY_TABLE", "deliveries"),
            Map.entry("CONTACT_KEY_ID", "arn:aws:kms:ap-northeast-2:123456789012:key/test"),
            Map.entry("PEPPER_SECRET_ID", "pepper"),
            Map.entry("NOTICE_FROM_ADDRESS", "notices@example.com"),
            Map.entry("SES_CONFIGURATION_SET", "bn-notices"),
            Map.entry("CHALLENGE_TABLE", "challenges"),
            Map.entry("NOTICE_DEAD_LETTER_QUEUE_URL", "https://sqs.example/notice-dlq"),
            Map.entry("CODE_DEAD_LETTER_QUEUE_URL", "https://sqs.example/code-dlq"),
            Map.entry("NOTICE_QUEUE_URL", "https://sqs.example/notice"));

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

    @Test
    void challengeCodeHandler_withoutItsOwnConfigurationSet_failsAtStartUpRatherThanUseTheNotices() {
        Map<String, String> environment = new HashMap<>(SENDER_GLOBALS);
        environment.put("CODE_FROM_ADDRESS", "codes@verify.example.com");

        assertThatThrownBy(() -> new ChallengeCodeHandler(environment))
                .isInstanceOf(FunctionEnvironment.MissingSettingException.class)
                .hasMessage("missing environment variable CODE_CONFIGURATION_SET");
    }

    @Test
    void codeSettings_readTheCodesOwnSenderAndConfigurationSet() {
        Map<String, String> environment = new HashMap<>(SENDER_GLOBALS);
        environment.put("CODE_FROM_ADDRESS", "codes@verify.example.com");
        environment.put("CODE_CONFIGURATION_SET", "bn-codes");

        assertThat(CodeSenderSettings.from(new FunctionEnvironment(environment)))
                .isEqualTo(new CodeSenderSettings("codes@verify.example.com", "bn-codes"));
    }
}
