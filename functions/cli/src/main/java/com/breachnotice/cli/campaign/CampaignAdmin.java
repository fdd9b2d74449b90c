package com.breachnotice.cli.campaign;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.dynamodb.DynamoDbCampaignCounters;
import com.breachnotice.aws.dynamodb.DynamoDbCampaignStore;
import com.breachnotice.aws.dynamodb.DynamoDbPlanLedger;
import com.breachnotice.aws.ses.SesEmailTemplates;
import com.breachnotice.aws.sqs.SqsPlanQueue;
import com.breachnotice.cli.stack.StackOutputs;
import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.LifecycleService;
import com.breachnotice.core.planning.CampaignService;
import java.time.Clock;
import java.util.Optional;

/**
 * The CLI's wiring of {@link CampaignService} and {@link LifecycleService} on a stack's campaign
 * table and plan queue, shared by the {@code campaign} commands (a deployed stack) and {@code demo}
 * (the local one).
 */
public final class CampaignAdmin {

    public static final String CAMPAIGN_TABLE_OUTPUT = "CampaignTableName";
    public static final String PLAN_QUEUE_OUTPUT = "PlanQueueUrl";

    private final DynamoDbCampaignStore store;
    private final CampaignService service;
    private final LifecycleService lifecycle;

    public CampaignAdmin(AwsClients aws, String campaignTable, String planQueueUrl) {
        this.store = new DynamoDbCampaignStore(aws.dynamoDb(), campaignTable);
        this.lifecycle = new LifecycleService(store, Clock.systemUTC());
        this.service = new CampaignService(
                store,
                new SesEmailTemplates(aws.ses()),
                new SqsPlanQueue(aws.sqs(), planQueueUrl),
                new DynamoDbPlanLedger(aws.dynamoDb(), campaignTable),
                new DynamoDbCampaignCounters(aws.dynamoDb(), campaignTable),
                store,
                lifecycle);
    }

    /** On a deployed stack: its {@value #CAMPAIGN_TABLE_OUTPUT} and {@value #PLAN_QUEUE_OUTPUT}. */
    public static CampaignAdmin of(AwsClients aws, StackOutputs outputs) {
        return new CampaignAdmin(aws, outputs.require(CAMPAIGN_TABLE_OUTPUT), outputs.require(PLAN_QUEUE_OUTPUT));
    }

    public CampaignService service() {
        return service;
    }

    /** Pauses, resumes and cancels campaigns on the stack's campaign table. */
    public LifecycleService lifecycle() {
        return lifecycle;
    }

    public Optional<Campaign> find(String campaignId) {
        return store.find(campaignId);
    }

    /** What {@link #launch} did. */
    public sealed interface Launch {
        /** A new campaign, stored, its templates registered and its planning tasks queued. */
        record Started(Campaign campaign, int segments) implements Launch {}

        /** The same campaign launched again on purpose: its planning tasks were queued again. */
        record Resumed(Campaign campaign, int segments) implements Launch {}

        /** The id is taken and resuming was not asked for: nothing was changed. */
        record Exists(Campaign existing) implements Launch {}

        /** The id is taken by a different notice: nothing was changed, even when resuming. */
        record IdTaken(Campaign existing) implements Launch {}
    }

    /**
     * Launches a new campaign. An existing id is refused unless {@code resume} is set, because an
     * operator who reuses an id by mistake must hear so; resuming re-queues the planning of the very
     * same notice (everything downstream is idempotent), for a launch that was cut off.
     */
    public Launch launch(Campaign campaign, int segments, boolean resume) {
        Optional<Campaign> existing = store.find(campaign.id());
        if (existing.isPresent() && !resume) {
            return new Launch.Exists(existing.get());
        }
        return switch (service.launch(campaign, segments)) {
            case CampaignService.LaunchOutcome.Launched launched ->
                existing.isPresent()
                        ? new Launch.Resumed(existing.get(), launched.segments())
                        : new Launch.Started(campaign, launched.segments());
            case CampaignService.LaunchOutcome.IdTaken taken ->
                new Launch.IdTaken(store.find(campaign.id()).orElse(campaign));
        };
    }
}
