package com.breachnotice.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The public function holds the pepper, so its role may read only the items it looks up: with Scan,
 * the pepper and a table dump would reverse every phone key (Korean mobiles are about 10^8 values).
 */
class LookupPolicyTest {

    private static final Path TEMPLATE = Path.of("..", "..", "template.yaml");

    @Test
    void lookupPolicy_allowsItemReadsOnly_neverScanOrPolicyTemplatesThatIncludeIt() throws IOException {
        String lookup = section("\n  LookupFunction:", "\n  LookupLogGroup:");
        String policies = lookup.substring(lookup.indexOf("      Policies:"), lookup.indexOf("      Events:"));

        assertThat(policies)
                .doesNotContain("Scan", "dynamodb:*", "DynamoDBReadPolicy", "DynamoDBCrudPolicy", "kms:")
                .contains("dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem");
        assertThat(policies.replaceAll("(?m)^\\s*#.*$", "")).doesNotContain("DeleteItem", "BatchWriteItem");
    }

    @Test
    void keysAndSecret_areRetained_andTheChallengeTableHasNoPointInTimeRecovery() throws IOException {
        for (String resource : new String[] {"ContactKey", "DeliveryEventsKey", "PepperSecret"}) {
            String text = section("\n  " + resource + ":\n", "\n    Properties:");
            assertThat(text).as(resource).contains("DeletionPolicy: Retain", "UpdateReplacePolicy: Retain");
        }
        assertThat(section("\n  ChallengeTable:", "\n  IntakeTable:")).contains("PointInTimeRecoveryEnabled: false");
    }

    private static String section(String from, String to) throws IOException {
        String template = Files.readString(TEMPLATE, StandardCharsets.UTF_8);
        int start = template.indexOf(from);
        assertThat(start).as(from.strip()).isNotNegative();
        return template.substring(start, template.indexOf(to, start + from.length()));
    }
}
