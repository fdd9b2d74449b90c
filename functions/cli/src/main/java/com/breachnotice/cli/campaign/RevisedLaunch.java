package com.breachnotice.cli.campaign;

import com.breachnotice.core.planning.AudienceScan;
import com.breachnotice.core.planning.Reconciliation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The check before a revised campaign starts: its audience (the registry now) against every contact
 * the campaign it revises planned. Printed for the operator; a contact only in the earlier campaign
 * would be left out, so the launch refuses then.
 */
public final class RevisedLaunch {

    public static final String CONTACT_TABLE_OUTPUT = "ContactTableName";
    public static final String DELIVERY_TABLE_OUTPUT = "DeliveryTableName";

    private RevisedLaunch() {}

    public static Reconciliation reconcile(AudienceScan audiences, String earlierCampaign) {
        return Reconciliation.of(audiences.campaignContacts(earlierCampaign, false), audiences.registryContacts());
    }

    /** The reconciliation as the launch's JSON outcome holds it. */
    public static Map<String, Object> json(String earlierCampaign, Reconciliation r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("revises", earlierCampaign);
        json.put("both", r.both());
        json.put("only_earlier", r.onlyEarlier());
        json.put("only_now", r.onlyNow());
        return json;
    }

    /** One line: {@code revised notice R revises F: 10 contacts in both, 0 only in ..., 3 only in ...}. */
    public static String describe(String campaignId, String earlierCampaign, Reconciliation r) {
        return String.format(
                "revised notice %s revises %s: %d contacts in both, %d only in the earlier campaign, %d only in"
                        + " the registry now (its audience is the registry now, which keeps every contact ever"
                        + " loaded)",
                campaignId, earlierCampaign, r.both(), r.onlyEarlier(), r.onlyNow());
    }
}
