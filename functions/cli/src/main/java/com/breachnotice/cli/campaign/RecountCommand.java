package com.breachnotice.cli.campaign;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.dynamodb.DynamoDbDeliveryCensus;
import com.breachnotice.cli.Json;
import com.breachnotice.cli.stack.StackOutputs;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.delivery.ChannelCounts;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.planning.CampaignService;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Counts a campaign's deliveries from their records (a scan of the deliveries table: slow, meant for
 * checks) and sets them beside the counters. Exit 0 when they agree, 1 when not (or refused).
 */
@Command(
        name = "recount",
        mixinStandardHelpOptions = true,
        description = "Count a campaign's deliveries one by one and compare with its counters (slow).")
public final class RecountCommand implements Callable<Integer> {

    public static final String DELIVERY_TABLE_OUTPUT = "DeliveryTableName";

    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    StackSource source = new StackSource();

    @Parameters(index = "0", paramLabel = "ID")
    String id = "";

    @Option(names = "--json", description = "end with one JSON line")
    boolean json;

    @Override
    public Integer call() {
        source.check(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (AwsClients aws = new AwsClients()) {
            StackOutputs outputs = source.read(aws);
            CampaignAdmin admin = CampaignAdmin.of(aws, outputs);
            if (admin.find(id).isEmpty()) {
                spec.commandLine().getErr().println("no campaign " + id + " on " + outputs.source());
                return 1;
            }
            long started = System.nanoTime();
            CampaignService.Recount recount = admin.service()
                    .recount(id, new DynamoDbDeliveryCensus(aws.dynamoDb(), outputs.require(DELIVERY_TABLE_OUTPUT)));
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Object> channels = new LinkedHashMap<>();
            for (Channel channel : Channel.values()) {
                ChannelCounts kept = recount.counters().channel(channel);
                ChannelCounts counted = recount.counted().getOrDefault(channel, ChannelCounts.NONE);
                out.printf("%s (planned %d):%n", channel.code(), kept.planned());
                out.printf("  %-11s %12s %12s%n", "status", "counters", "records");
                for (DeliveryStatus status : DeliveryStatus.values()) {
                    if (status.terminal() && (kept.count(status) != 0 || counted.count(status) != 0)) {
                        out.printf("  %-11s %12d %12d%n", status.code(), kept.count(status), counted.count(status));
                    }
                }
                List<String> differences = recount.differences().getOrDefault(channel, List.of());
                differences.forEach(d -> out.println("  differs: " + d));
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("planned", kept.planned());
                c.put("counters", codes(kept.byStatus()));
                c.put("records", codes(counted.byStatus()));
                c.put("failed_by_reason_counters", kept.failedByReason());
                c.put("failed_by_reason_records", counted.failedByReason());
                c.put("differences", differences);
                channels.put(channel.code(), c);
            }
            out.printf(
                    "%s: counters and records %s (recount took %.1f s)%n",
                    id, recount.agree() ? "agree" : "DISAGREE", seconds);
            if (json) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("campaign", id);
                line.put("agree", recount.agree());
                line.put("state", recount.counters().state().code());
                line.put("channels", channels);
                out.println(Json.line(line));
            }
            out.flush();
            return recount.agree() ? 0 : 1;
        } catch (StackOutputs.StackOutputsException e) {
            spec.commandLine().getErr().println("refused: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, Long> codes(Map<DeliveryStatus, Long> byStatus) {
        Map<String, Long> codes = new LinkedHashMap<>();
        byStatus.forEach((status, n) -> codes.put(status.code(), n));
        return codes;
    }
}
