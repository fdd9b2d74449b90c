package com.breachnotice.aws.ses;

import com.breachnotice.core.preview.CampaignPreview;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;

/**
 * The SES account's sending limits as a preview needs them: SES v2 {@code GetAccount}'s
 * {@code SendQuota.MaxSendRate} and {@code ProductionAccessEnabled}. A local emulator may not serve
 * {@code GetAccount}; then the preview says so and goes on without them.
 */
public final class SesAccountLimits {

    private SesAccountLimits() {}

    public static CampaignPreview.Account read(SesV2Client ses) {
        try {
            GetAccountResponse account = ses.getAccount(b -> {});
            Optional<Long> rate = Optional.ofNullable(account.sendQuota())
                    .flatMap(quota -> Optional.ofNullable(quota.maxSendRate()))
                    .map(Double::longValue);
            Optional<Boolean> production = Optional.ofNullable(account.productionAccessEnabled());
            return new CampaignPreview.Account(
                    rate,
                    production,
                    rate.isEmpty() ? Optional.of("SES GetAccount gave no send quota") : Optional.empty());
        } catch (SdkException e) {
            return new CampaignPreview.Account(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("the account's SES send rate is unknown: GetAccount failed ("
                            + e.getClass().getSimpleName() + ")"));
        }
    }
}
