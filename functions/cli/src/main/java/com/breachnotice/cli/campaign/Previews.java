package com.breachnotice.cli.campaign;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.dynamodb.DynamoDbContactDirectory;
import com.breachnotice.aws.ses.SesAccountLimits;
import com.breachnotice.cli.stack.StackOutputs;
import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.notice.LintReport;
import com.breachnotice.core.preview.AudienceCounter;
import com.breachnotice.core.preview.CampaignPreview;
import com.breachnotice.core.preview.ScanningAudienceCounter;
import java.util.ArrayList;
import java.util.List;

/** The preview that {@code campaign preview} prints and {@code campaign launch} shows before asking. */
final class Previews {

    static final String CONTACT_TABLE_OUTPUT = "ContactTableName";

    /**
     * Phones in the registry are sealed, so a scan cannot see their country: they are priced as
     * numbers of the country the deployment normalizes phones for.
     */
    static final String PHONE_COUNTRY = "KR";

    private Previews() {}

    /** Counts the stack's registry the way the planner reads it: a scan in the campaign's segments. */
    static AudienceCounter registry(AwsClients aws, StackOutputs outputs, int segments) {
        return new ScanningAudienceCounter(
                new DynamoDbContactDirectory(aws.dynamoDb(), outputs.require(CONTACT_TABLE_OUTPUT)),
                segments,
                PHONE_COUNTRY);
    }

    static CampaignPreview.Account account(AwsClients aws) {
        return SesAccountLimits.read(aws.ses());
    }

    static CampaignPreview preview(
            LaunchOptions options,
            Campaign campaign,
            AudienceCounter audience,
            CampaignPreview.Account account,
            LintReport lint) {
        CampaignPreview preview = CampaignPreview.of(
                campaign, audience.count(), PriceTables.load(options.prices), account, options.clock.instant());
        List<String> lintFindings = new ArrayList<>();
        lint.errors().forEach(finding -> lintFindings.add("notice lint error: " + finding));
        lint.warnings().forEach(finding -> lintFindings.add("notice lint: " + finding));
        return preview.withWarnings(lintFindings);
    }
}
