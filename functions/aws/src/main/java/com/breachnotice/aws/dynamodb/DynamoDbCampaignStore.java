package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.millis;
import static com.breachnotice.aws.dynamodb.Attributes.requiredNumber;
import static com.breachnotice.aws.dynamodb.Attributes.requiredString;
import static com.breachnotice.aws.dynamodb.Attributes.s;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.CampaignLifecycle;
import com.breachnotice.core.campaign.CampaignLifecycles;
import com.breachnotice.core.campaign.CampaignState;
import com.breachnotice.core.campaign.CampaignStore;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.campaign.LifecycleChange;
import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.campaign.SendRates;
import com.breachnotice.core.campaign.SendWindow;
import com.breachnotice.core.campaign.SendWindows;
import com.breachnotice.core.manifest.NoticeLocale;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * {@link CampaignStore} on the campaigns table: one item per campaign under {@code entry =
 * "campaign"} (the plan ledger shares the table under other entries). The texts are a map attribute
 * {@code texts: {ko: {subject, text, html, sms}, en: {...}}}; the send windows are strings
 * {@code emailWindow} and {@code smsWindow} ({@code 08:00-21:00@Asia/Seoul}), absent when always
 * open; {@code revises} names the campaign it revises. A campaign is never overwritten:
 * {@code create} is a conditional put. Its lifecycle ({@link CampaignLifecycles}) lives on the same
 * item: {@code state}, {@code stateVersion} and {@code stateHistory} (a list of maps {@code from, to,
 * at, by, reason}, the latest {@value CampaignLifecycle#MAX_HISTORY}); a move is an update
 * conditioned on the version it was decided from, so of two racing moves one wins.
 */
public final class DynamoDbCampaignStore implements CampaignStore, CampaignLifecycles {

    static final String ENTRY = "campaign";

    private final DynamoDbClient dynamoDb;
    private final String campaignTable;

    public DynamoDbCampaignStore(DynamoDbClient dynamoDb, String campaignTable) {
        this.dynamoDb = dynamoDb;
        this.campaignTable = campaignTable;
    }

    @Override
    public boolean create(Campaign campaign) {
        Map<String, AttributeValue> texts = new HashMap<>();
        campaign.texts()
                .forEach((locale, text) -> texts.put(
                        locale.code(),
                        AttributeValue.fromM(Map.of(
                                "subject", s(text.subject()),
                                "text", s(text.text()),
                                "html", s(text.html()),
                                "sms", s(text.sms()),
                                "smsAddressBook", s(text.smsAddressBook()),
                                "itemLabels", labels(text.itemLabels())))));
        Map<String, AttributeValue> item = new HashMap<>(Map.of(
                "campaignId", s(campaign.id()),
                "entry", s(ENTRY),
                "title", s(campaign.title()),
                "policy", s(campaign.policy().code()),
                "createdAt", millis(campaign.createdAt()),
                "texts", AttributeValue.fromM(texts),
                "emailRate", Attributes.n(campaign.rates().emailPerSecond()),
                "smsRate", Attributes.n(campaign.rates().smsPerSecond())));
        campaign.revises().ifPresent(earlier -> item.put("revises", s(earlier)));
        // Absent means always open: what a campaign stored before windows existed reads as.
        campaign.windows().email().ifPresent(window -> item.put("emailWindow", s(window.code())));
        campaign.windows().sms().ifPresent(window -> item.put("smsWindow", s(window.code())));
        try {
            dynamoDb.putItem(
                    b -> b.tableName(campaignTable).item(item).conditionExpression("attribute_not_exists(campaignId)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static AttributeValue labels(Map<String, String> labels) {
        Map<String, AttributeValue> values = new HashMap<>();
        labels.forEach((code, label) -> values.put(code, s(label)));
        return AttributeValue.fromM(values);
    }

    @Override
    public Optional<Campaign> find(String campaignId) {
        GetItemResponse response = dynamoDb.getItem(b -> b.tableName(campaignTable)
                .key(Map.of("campaignId", s(campaignId), "entry", s(ENTRY)))
                .consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        String policyCode = requiredString(item, "policy");
        ChannelPolicy policy = ChannelPolicy.ofCode(policyCode)
                .orElseThrow(() -> new IllegalStateException("stored campaign has an unknown policy " + policyCode));
        Map<NoticeLocale, NoticeText> texts = new EnumMap<>(NoticeLocale.class);
        AttributeValue stored = item.get("texts");
        if (stored != null && stored.hasM()) {
            stored.m()
                    .forEach((code, value) -> NoticeLocale.ofCode(code).ifPresent(locale -> {
                        Map<String, AttributeValue> parts = value.m();
                        String sms = requiredString(parts, "sms");
                        // Campaigns stored before the address-book text and the incident's labels
                        // read as they were sent: one SMS text, the built-in labels.
                        Map<String, String> labels = new HashMap<>();
                        AttributeValue storedLabels = parts.get("itemLabels");
                        if (storedLabels != null && storedLabels.hasM()) {
                            storedLabels.m().forEach((kind, label) -> labels.put(kind, label.s()));
                        }
                        texts.put(
                                locale,
                                new NoticeText(
                                        requiredString(parts, "subject"),
                                        requiredString(parts, "text"),
                                        requiredString(parts, "html"),
                                        sms,
                                        Attributes.string(parts, "smsAddressBook")
                                                .orElse(sms),
                                        labels));
                    }));
        }
        return Optional.of(new Campaign(
                requiredString(item, "campaignId"),
                requiredString(item, "title"),
                policy,
                Instant.ofEpochMilli(requiredNumber(item, "createdAt")),
                texts,
                new SendRates(
                        Attributes.number(item, "emailRate")
                                .orElse((long) SendRates.DEFAULT.emailPerSecond())
                                .intValue(),
                        Attributes.number(item, "smsRate")
                                .orElse((long) SendRates.DEFAULT.smsPerSecond())
                                .intValue()),
                new SendWindows(
                        Attributes.string(item, "emailWindow").map(SendWindow::parse),
                        Attributes.string(item, "smsWindow").map(SendWindow::parse)),
                Attributes.string(item, "revises")));
    }

    @Override
    public Optional<CampaignLifecycle> lifecycle(String campaignId) {
        GetItemResponse response = dynamoDb.getItem(b -> b.tableName(campaignTable)
                .key(Map.of("campaignId", s(campaignId), "entry", s(ENTRY)))
                .projectionExpression("campaignId, #state, stateVersion, stateHistory")
                .expressionAttributeNames(Map.of("#state", "state"))
                .consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(lifecycleOf(response.item()));
    }

    static CampaignLifecycle lifecycleOf(Map<String, AttributeValue> item) {
        Optional<String> state = Attributes.string(item, "state");
        if (state.isEmpty()) {
            return CampaignLifecycle.NEW;
        }
        List<LifecycleChange> history = new ArrayList<>();
        AttributeValue stored = item.get("stateHistory");
        if (stored != null && stored.hasL()) {
            for (AttributeValue change : stored.l()) {
                Map<String, AttributeValue> m = change.m();
                history.add(new LifecycleChange(
                        CampaignState.ofCode(requiredString(m, "from")),
                        CampaignState.ofCode(requiredString(m, "to")),
                        Instant.ofEpochMilli(requiredNumber(m, "at")),
                        requiredString(m, "by"),
                        Attributes.string(m, "reason").orElse("")));
            }
        }
        return new CampaignLifecycle(
                CampaignState.ofCode(state.get()),
                Attributes.number(item, "stateVersion").orElse(0L),
                history);
    }

    @Override
    public boolean replace(String campaignId, CampaignLifecycle expected, CampaignLifecycle next) {
        List<AttributeValue> history = new ArrayList<>();
        for (LifecycleChange change : next.history()) {
            history.add(AttributeValue.fromM(Map.of(
                    "from", s(change.from().code()),
                    "to", s(change.to().code()),
                    "at", millis(change.at()),
                    "by", s(change.by()),
                    "reason", s(change.reason()))));
        }
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":state", s(next.state().code()),
                ":version", Attributes.n(next.version()),
                ":history", AttributeValue.fromL(history)));
        String condition = "attribute_exists(campaignId) AND ";
        if (expected.version() == 0) {
            condition += "attribute_not_exists(stateVersion)";
        } else {
            condition += "stateVersion = :expected";
            values.put(":expected", Attributes.n(expected.version()));
        }
        String finalCondition = condition;
        try {
            dynamoDb.updateItem(b -> b.tableName(campaignTable)
                    .key(Map.of("campaignId", s(campaignId), "entry", s(ENTRY)))
                    .updateExpression("SET #state = :state, stateVersion = :version, stateHistory = :history")
                    .conditionExpression(finalCondition)
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException raced) {
            return false;
        }
    }
}
