package com.breachnotice.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Complaints about code emails must not pause the notices: the code sender sends on its own SES
 * configuration set, and its role cannot send on the notices' one.
 */
class CodeSendingTemplateTest {

    private static final Path TEMPLATE = Path.of("..", "..", "template.yaml");

    @Test
    void codeFunction_sendsOnItsOwnConfigurationSet_andMayNotUseTheNotices() throws IOException {
        String function = section("\n  ChallengeCodeFunction:", "\n  ChallengeCodeLogGroup:");
        String policies = function.substring(function.indexOf("      Policies:"), function.indexOf("      Events:"));

        assertThat(function)
                .contains("CODE_CONFIGURATION_SET: !Ref CodeConfigurationSet")
                .contains("CODE_FROM_ADDRESS: !If [HasCodeFromAddress, !Ref CodeFromAddress, !Ref NoticeFromAddress]");
        assertThat(policies)
                .contains("configuration-set/${CodeConfigurationSet}")
                .doesNotContain("NoticeConfigurationSet");
    }

    @Test
    void codeConfigurationSet_isItsOwn_andItsEventsDoNotReachTheNoticesEventsFunction() throws IOException {
        String codes = section("\n  CodeConfigurationSet:", "\n  # ----");

        assertThat(codes)
                .contains("Name: !Sub \"${AWS::StackName}-codes\"")
                .contains("ReputationMetricsEnabled: true")
                .contains("CloudWatchDestination:")
                // Codes have no delivery records: their events on the notices' topic would dead-letter.
                .doesNotContain("DeliveryEventsTopic");
    }

    private static String section(String from, String to) throws IOException {
        String template = Files.readString(TEMPLATE, StandardCharsets.UTF_8);
        int start = template.indexOf(from);
        assertThat(start).as(from.strip()).isNotNegative();
        return template.substring(start, template.indexOf(to, start + from.length()));
    }
}
