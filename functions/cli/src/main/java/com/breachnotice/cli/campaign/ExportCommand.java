package com.breachnotice.cli.campaign;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.dynamodb.DynamoDbContactBook;
import com.breachnotice.aws.dynamodb.DynamoDbDeliveryLog;
import com.breachnotice.aws.kms.KmsDataKeyProvider;
import com.breachnotice.cli.Json;
import com.breachnotice.cli.UserPaths;
import com.breachnotice.cli.stack.StackOutputs;
import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.proof.ProofExport;
import com.breachnotice.core.proof.ProofSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export the proof of notice of a campaign for the regulator: one row per delivery (contact key,",
            "masked contact, channel, locale, notice and version, items told, message hash, reference-code",
            "hash, provider message id, status history with times), streamed to a .csv or .jsonl file,",
            "with FILE.sha256 beside it ('sha256sum -c FILE.sha256' verifies it).",
            "--reveal writes the contacts themselves (decrypted with the stack's KMS key; the file says",
            "so, and the audit trail records who asked). --summary prints the report's counts."
        })
public final class ExportCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    StackSource source = new StackSource();

    @Parameters(index = "0", paramLabel = "ID")
    String id = "";

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "FILE.csv or FILE.jsonl")
    Path out = Path.of("proof.csv");

    @Option(names = "--reveal", description = "write the contacts themselves instead of masked ones")
    boolean reveal;

    @Option(names = "--summary", description = "print the counts a regulator report needs")
    boolean summary;

    @Option(names = "--json", description = "print only JSON: one object (file, rows, digest, summary)")
    boolean json;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        source.check(spec);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = UserPaths.resolve(out);
        try {
            ProofFile.Format.of(file);
        } catch (IllegalArgumentException e) {
            err.println("refused: " + e.getMessage());
            return 1;
        }
        try (AwsClients aws = new AwsClients()) {
            StackOutputs outputs = source.read(aws);
            Optional<Campaign> campaign = CampaignAdmin.of(aws, outputs).find(id);
            if (campaign.isEmpty()) {
                err.println("refused: no campaign " + id + " on " + outputs.source());
                return 1;
            }
            // Recorded before anything is read: no export, revealed or not, leaves no trace.
            Map<String, String> details = new LinkedHashMap<>();
            details.put("file", file.getFileName().toString());
            details.put("contacts", reveal ? "revealed" : "masked");
            CampaignAudit.of(aws, outputs).record(id, reveal ? "export.reveal" : "export", details);

            ProofExport export = new ProofExport(
                    new DynamoDbDeliveryLog(aws.dynamoDb(), outputs.require("DeliveryTableName")),
                    new DynamoDbContactBook(aws.dynamoDb(), outputs.require("ContactTableName")),
                    new ContactCipher(new KmsDataKeyProvider(aws.kms(), outputs.require("ContactKeyArn"))));
            Instant started = clock.instant();
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("proof_of_notice", id);
            facts.put("title", campaign.get().title());
            facts.put("exported_at", started.toString());
            facts.put("contacts", reveal ? "REVEALED (decrypted; handle as personal data)" : "masked");
            ProofSummary counts;
            long rows;
            String digest;
            try (ProofFile proof = new ProofFile(file, facts)) {
                counts = export.export(id, reveal, proof);
                rows = proof.rows();
                proof.close();
                digest = proof.sha256();
            }
            double seconds =
                    Math.max(1, Duration.between(started, clock.instant()).toMillis()) / 1000.0;
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("campaign", id);
            result.put("file", file.toString());
            result.put(
                    "digest_file",
                    file.resolveSibling(file.getFileName() + ".sha256").toString());
            result.put("sha256", digest);
            result.put("rows", rows);
            result.put("revealed", reveal);
            result.put("seconds", Math.round(seconds * 1000) / 1000.0);
            result.put("rows_per_second", Math.round(rows / seconds));
            if (summary) {
                result.put("summary", counts.json());
            }
            if (json) {
                stdout.println(Json.line(result));
            } else {
                print(stdout, file, rows, seconds, digest, counts);
            }
            stdout.flush();
            return 0;
        } catch (StackOutputs.StackOutputsException e) {
            err.println("refused: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("export failed: " + e.getMessage());
            return 1;
        }
    }

    private void print(PrintWriter stdout, Path file, long rows, double seconds, String digest, ProofSummary counts) {
        stdout.printf(
                "exported %d deliveries of campaign %s to %s (%s contacts) in %.1f s, %d rows/s%n",
                rows, id, file, reveal ? "REVEALED" : "masked", seconds, Math.round(rows / seconds));
        stdout.println("  sha256 " + digest + " in " + file.getFileName() + ".sha256");
        if (!summary) {
            return;
        }
        stdout.println("  notified: email " + counts.notified(Channel.EMAIL) + ", sms " + counts.notified(Channel.SMS));
        stdout.println(
                "  not reachable individually: " + counts.notReachable() + ", still pending: " + counts.pending());
        counts.failedByReason().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> stdout.println("  failed " + e.getKey() + ": " + e.getValue()));
    }
}
