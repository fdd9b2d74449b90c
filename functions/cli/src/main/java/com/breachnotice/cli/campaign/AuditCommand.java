package com.breachnotice.cli.campaign;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.cli.Json;
import com.breachnotice.cli.stack.StackOutputs;
import com.breachnotice.core.audit.AuditEntry;
import java.io.PrintWriter;
import java.util.ArrayList;
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

@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = {
            "List who did what to a campaign, when and from which host, oldest first.",
            "ID 'incident' lists the publications of the incident description."
        })
public final class AuditCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    StackSource source = new StackSource();

    @Parameters(index = "0", paramLabel = "ID")
    String id = "";

    @Option(names = "--json", description = "print only JSON: one object with the entries")
    boolean json;

    @Override
    public Integer call() {
        source.check(spec);
        PrintWriter out = spec.commandLine().getOut();
        String subject = "incident".equals(id) ? AuditEntry.INCIDENT : id;
        try (AwsClients aws = new AwsClients()) {
            StackOutputs outputs = source.read(aws);
            List<AuditEntry> entries = CampaignAudit.of(aws, outputs).entries(subject);
            if (json) {
                List<Object> rows = new ArrayList<>();
                entries.forEach(e -> rows.add(json(e)));
                Map<String, Object> object = new LinkedHashMap<>();
                object.put("campaign", id);
                object.put("entries", rows);
                out.println(Json.line(object));
            } else {
                out.printf("audit of %s on %s: %d entries%n", id, outputs.source(), entries.size());
                for (AuditEntry e : entries) {
                    out.printf("  %s  %-18s %s on %s%s%n", e.at(), e.action(), e.actor(), e.host(), details(e));
                }
            }
            out.flush();
            return 0;
        } catch (StackOutputs.StackOutputsException e) {
            spec.commandLine().getErr().println("refused: " + e.getMessage());
            return 1;
        }
    }

    private static String details(AuditEntry e) {
        if (e.details().isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(" (");
        e.details()
                .forEach((k, v) -> text.append(text.length() > 2 ? ", " : "")
                        .append(k)
                        .append('=')
                        .append(v));
        return text.append(')').toString();
    }

    static Map<String, Object> json(AuditEntry e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("at", e.at().toString());
        row.put("action", e.action());
        row.put("actor", e.actor());
        row.put("host", e.host());
        row.put("details", e.details());
        return row;
    }
}
