package com.breachnotice.bench.scale;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The model's findings: stages against their bounds, requests per unit of work, extrapolation and cost. */
final class Report {

    // List prices, us-east-1, as of 2026-12-03 (see README.md for the sources and what is assumed).
    static final double LAMBDA_PER_GB_SECOND = 0.0000133334; // arm64
    static final double LAMBDA_PER_REQUEST = 0.20 / 1e6;
    static final double DYNAMODB_PER_WRU = 0.625 / 1e6; // on-demand
    static final double DYNAMODB_PER_RRU = 0.125 / 1e6;
    static final double SQS_PER_REQUEST = 0.40 / 1e6; // standard queue, per 64 KB chunk
    static final double KMS_PER_REQUEST = 0.03 / 1e4;
    static final double SES_PER_EMAIL = 0.10 / 1e3;
    static final double S3_PER_GET = 0.0004 / 1e3;
    static final double S3_PER_PUT = 0.005 / 1e3;

    private final ScaleModel.Run run;
    private final Map<String, Double> options;
    private final Aws aws;
    private final Stores.Tables tables;

    Report(ScaleModel.Run run, Map<String, Double> options, Aws aws, Stores.Tables tables) {
        this.run = run;
        this.options = options;
        this.aws = aws;
        this.tables = tables;
    }

    private double option(String name) {
        return java.util.Objects.requireNonNull(options.get(name), name);
    }

    record Bound(String name, double seconds) {}

    private static Bound max(List<Bound> bounds) {
        Bound best = bounds.get(0);
        for (Bound bound : bounds) {
            if (bound.seconds() > best.seconds()) {
                best = bound;
            }
        }
        return best;
    }

    private static double s(long nanos) {
        return nanos / 1e9;
    }

    void print(PrintStream out) {
        Map<String, Long> counts = aws.meter.counts();
        Map<String, Double> units = aws.meter.unitTotals();
        Map<String, Long> intakeCounts = run.intakeCounts();
        Map<String, Double> intakeUnits = run.intakeUnits();
        Lambda.Function<?> ingest = run.functions().get(0);
        Lambda.Function<?> planner = run.functions().get(1);
        Lambda.Function<?> sender = run.functions().get(2);
        long ranges = run.queues().get(0).sent.get();
        double wcu = option("wcu");
        double rcu = option("rcu");
        double sesRate = option("ses-rate");
        double smsRate = option("sms-numbers") * option("sms-mps");

        out.println();
        out.println("## Stages (virtual time; the services' CPU is real, scaled by --cpu-factor)");
        out.println("| stage | time | bound met | bound | time / bound | other bounds |");
        out.println("| --- | --- | --- | --- | --- | --- |");
        double intakeTime = s(run.intakeEnd() - run.intakeStart());
        List<Bound> intakeBounds = List.of(
                new Bound("subjects table writes", intakeUnits.getOrDefault("WRU:subjects", 0.0) / wcu),
                new Bound("contacts table writes", intakeUnits.getOrDefault("WRU:contacts", 0.0) / wcu),
                new Bound("subjects table reads", intakeUnits.getOrDefault("RRU:subjects", 0.0) / rcu),
                new Bound("contacts table reads", intakeUnits.getOrDefault("RRU:contacts", 0.0) / rcu),
                new Bound(
                        "CPU of " + Math.min(ranges, ingest.maxConcurrency) + " ingest instances",
                        s(ingest.cpuNanos.get()) / Math.max(1, Math.min(ranges, ingest.maxConcurrency))));
        stage(out, "intake (" + ranges + " ranges)", intakeTime, intakeBounds);
        out.println("  contacts table writes: " + tables.contacts.writes.profile(run.intakeStart(), run.intakeEnd()));
        out.println("  contacts table reads: " + tables.contacts.reads.profile(run.intakeStart(), run.intakeEnd()));

        double planTime = s(run.planEnd() - run.launchAt());
        double scanUnits = units.getOrDefault("RRU:contacts", 0.0) - intakeUnits.getOrDefault("RRU:contacts", 0.0);
        int segments = (int) option("segments");
        List<Bound> planBounds = List.of(
                new Bound("contacts table reads (scan)", scanUnits / rcu),
                new Bound(
                        "CPU of " + Math.min(segments, planner.maxConcurrency) + " planner instances",
                        s(planner.cpuNanos.get()) / Math.min(segments, planner.maxConcurrency)));
        stage(out, "planning (" + segments + " segments)", planTime, planBounds);

        long emails = run.ses().accepted.get();
        if (emails > 0) {
            double emailTime = s(run.ses().last.get() - run.launchAt()) + 50 / sesRate;
            stage(
                    out,
                    "sending email (" + emails + ")",
                    emailTime,
                    List.of(
                            new Bound("SES send rate " + (long) sesRate + "/s", emails / sesRate),
                            new Bound(
                                    "CPU of " + sender.maxConcurrency + " sender instances",
                                    s(sender.cpuNanos.get()) / sender.maxConcurrency)));
        }
        if (emails > 0) {
            // Where the email stage lost time against its bound: before the first send, and in the
            // whole seconds between first and last send that SES had room for.
            double unused =
                    run.ses().rate.unused(run.ses().first.get(), run.ses().last.get());
            out.printf(
                    Locale.ROOT,
                    "  email: first send %.1f s after launch; %.0f recipients of room unused between first and last"
                            + " send (%.1f s at the rate)%n",
                    s(run.ses().first.get() - run.launchAt()),
                    unused,
                    unused / sesRate);
        }
        long parts = run.sms().parts.get();
        if (parts > 0) {
            double smsTime = s(run.sms().last.get() - run.launchAt()) + 2 / smsRate;
            stage(
                    out,
                    "sending SMS (" + run.sms().texts.get() + " texts, " + parts + " parts)",
                    smsTime,
                    List.of(new Bound("SMS " + (long) smsRate + " parts/s", parts / smsRate)));
        }
        out.printf(
                Locale.ROOT,
                "whole incident (upload to last send): %.0f s = %.2f h%n",
                s(run.campaignEnd() - run.intakeStart()),
                s(run.campaignEnd() - run.intakeStart()) / 3600);

        out.println();
        out.println("## Counts");
        long notices = emails + run.sms().texts.get();
        out.printf(
                Locale.ROOT,
                "subjects %,d; contacts %,d (merged into an existing contact: %,d); deliveries recorded %,d,"
                        + " unreachable %,d; contact-book misses %,d%n",
                run.registry().subjectCount(),
                run.registry().contactCount(),
                run.registry().merges.get(),
                run.deliveries().records.get(),
                run.deliveries().unreachable.get(),
                run.registry().bookMisses.get());
        out.printf(
                Locale.ROOT,
                "SES: %,d emails, %,d throttled calls; SMS: %,d texts, %,d parts, %,d throttled; governor"
                        + " reservations %,d, refused %,d (restarts after running out: %,d, %.1f s idle)%n",
                emails,
                run.ses().throttledCalls.get(),
                run.sms().texts.get(),
                parts,
                run.sms().throttled.get(),
                run.governor().reservations.get(),
                run.governor().refusals.get(),
                run.governor().idleRestarts.get(),
                run.governor().idleNanos.get() / 1e9);
        synchronized (run.governor().next()) {
            StringBuilder idle = new StringBuilder();
            run.governor()
                    .idleByMinute
                    .forEach((minute, seconds) -> idle.append(String.format(Locale.ROOT, " %d:%.1f", minute, seconds)));
            out.printf(Locale.ROOT, "  schedule idle by minute of the clock (minute:seconds):%s%n", idle);
            out.printf(
                    Locale.ROOT,
                    "  of the restarts, asked from a sender's own time line ahead of the shared clock: %,d, %.1f s"
                            + " idle%n",
                    run.governor().aheadRestarts.get(),
                    run.governor().aheadIdleNanos.get() / 1e9);
        }
        for (Lambda.Function<?> function : run.functions()) {
            out.printf(
                    Locale.ROOT,
                    "function %s: %,d invocations, %,d instances, peak %,d busy, %,d timeouts, %,d errors,"
                            + " billed %.0f s, CPU %.1f s (virtual)%n",
                    function.name,
                    function.invocations.get(),
                    function.instances.get(),
                    function.peakBusy.get(),
                    function.timeouts.get(),
                    function.errors.get(),
                    s(function.billedNanos.get()),
                    s(function.cpuNanos.get()));
        }
        for (Lambda.Queue<?> queue : run.queues()) {
            out.printf(
                    Locale.ROOT,
                    "queue %s: %,d sent, %,d came back (failed or timed out), %,d parked, %,d dead-lettered,"
                            + " largest batch %,d bytes%n",
                    queue.name,
                    queue.sent.get(),
                    queue.returned.get(),
                    queue.parked.get(),
                    queue.deadLettered.get(),
                    queue.largestBatchBytes);
        }
        for (Aws.Table table : tables.all()) {
            out.printf(
                    Locale.ROOT,
                    "table %s: peak %.0f WCU/s (limit %.0f), peak %.0f RCU/s (limit %.0f), throttled %,d + %,d%n",
                    table.name,
                    table.writes.peak(),
                    table.writes.perSecond,
                    table.reads.peak(),
                    table.reads.perSecond,
                    table.writes.throttles,
                    table.reads.throttles);
        }

        out.println();
        out.println("## Requests per 1,000 rows (intake) and per 1,000 notices (campaign)");
        Map<String, Long> campaignCounts = new LinkedHashMap<>();
        counts.forEach((k, v) -> campaignCounts.put(k, v - intakeCounts.getOrDefault(k, 0L)));
        out.println("intake requests: " + intakeCounts);
        out.println("campaign requests: " + campaignCounts);
        out.println("units: " + units);
        double perRow = 1000.0 / run.people();
        out.printf(
                Locale.ROOT,
                "intake per 1,000 rows: DynamoDB %.1f (BatchGetItem %.1f, BatchWriteItem %.1f, other %.1f), SQS %.2f,"
                        + " KMS %d calls in all%n",
                sum(intakeCounts, "DynamoDb:") * perRow,
                intakeCounts.getOrDefault("DynamoDb:BatchGetItem", 0L) * perRow,
                intakeCounts.getOrDefault("DynamoDb:BatchWriteItem", 0L) * perRow,
                (sum(intakeCounts, "DynamoDb:")
                                - intakeCounts.getOrDefault("DynamoDb:BatchGetItem", 0L)
                                - intakeCounts.getOrDefault("DynamoDb:BatchWriteItem", 0L))
                        * perRow,
                sum(intakeCounts, "Sqs:") * perRow,
                sum(intakeCounts, "Kms:"));
        double perNotice = 1000.0 / Math.max(1, notices);
        double perEmail = 1000.0 / Math.max(1, emails);
        out.printf(
                Locale.ROOT,
                "campaign per 1,000 notices: DynamoDB %.1f, SQS %.1f (+%.1f billed 64 KB chunks), SES %.1f, SNS %.1f;"
                        + " per 1,000 emails: %.1f requests in all%n",
                sum(campaignCounts, "DynamoDb:") * perNotice,
                sum(campaignCounts, "Sqs:") * perNotice,
                campaignCounts.getOrDefault("SQS:billed", 0L) * perNotice,
                sum(campaignCounts, "SesV2:") * perNotice,
                sum(campaignCounts, "Sns:") * perNotice,
                (sum(campaignCounts, "DynamoDb:")
                                + sum(campaignCounts, "Sqs:")
                                + sum(campaignCounts, "SesV2:")
                                + sum(campaignCounts, "Sns:"))
                        * perEmail);

        long unreachable = run.deliveries().unreachable.get();
        long texts = run.sms().texts.get();
        if (texts == 0) {
            long emailPath = sum(campaignCounts, "DynamoDb:")
                    + sum(campaignCounts, "Sqs:")
                    - campaignCounts.getOrDefault("Sqs:ReceiveMessage(empty)", 0L)
                    + sum(campaignCounts, "SesV2:")
                    - unreachable;
            out.printf(
                    Locale.ROOT,
                    "email path per 1,000 emails (no SMS; %,d unreachable records and idle receives left out):"
                            + " %.1f: SES %.1f, SQS %.1f, DynamoDB %.1f%n",
                    unreachable,
                    emailPath * perEmail,
                    sum(campaignCounts, "SesV2:") * perEmail,
                    (sum(campaignCounts, "Sqs:") - campaignCounts.getOrDefault("Sqs:ReceiveMessage(empty)", 0L))
                            * perEmail,
                    (sum(campaignCounts, "DynamoDb:") - unreachable) * perEmail);
        }
        cost(out, counts, units, 1.0, "this run (" + run.people() + " people)");
        double factor = option("extrapolate") / run.people();
        out.println();
        out.printf(Locale.ROOT, "## Extrapolation to %,.0f people (x%.2f)%n", option("extrapolate"), factor);
        out.println("| stage | bound at that size | measured time / bound | expected time |");
        out.println("| --- | --- | --- | --- |");
        Bound intakeBound = max(intakeBounds);
        extrapolated(
                out, "intake", intakeBound.name(), intakeBound.seconds() * factor, intakeTime / intakeBound.seconds());
        if (emails > 0) {
            double emailBound = emails / sesRate;
            double emailTime = s(run.ses().last.get() - run.launchAt()) + 50 / sesRate;
            extrapolated(out, "sending email", "SES send rate", emailBound * factor, emailTime / emailBound);
        }
        if (parts > 0) {
            double smsBound = parts / smsRate;
            double smsTime = s(run.sms().last.get() - run.launchAt()) + 2 / smsRate;
            extrapolated(out, "sending SMS", "SMS parts/s", smsBound * factor, smsTime / smsBound);
        }
        double rangeRows = option("range-mib") * (1 << 20) / (ingestBytesPerRow());
        double itemsPerRow = (intakeUnits.getOrDefault("WRU:contacts", 0.0)) / run.people();
        long rangesThen = Math.round(ranges * factor);
        double perInstance = wcu / Math.min(rangesThen, ingest.maxConcurrency);
        out.printf(
                Locale.ROOT,
                "one range at that size: %.0f rows, %.2f contact writes per row, %.0f WCU/s per ingest instance"
                        + " (%d instances share the table): %.0f s per range against the 300 s timeout%n",
                rangeRows,
                itemsPerRow,
                perInstance,
                Math.min(rangesThen, ingest.maxConcurrency),
                rangeRows * itemsPerRow / perInstance);
        cost(out, counts, units, factor, "extrapolated");
    }

    private double ingestBytesPerRow() {
        return 92.0;
    }

    private static long sum(Map<String, Long> counts, String prefix) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    private static void stage(PrintStream out, String name, double time, List<Bound> bounds) {
        Bound met = max(bounds);
        StringBuilder others = new StringBuilder();
        for (Bound bound : bounds) {
            if (bound != met) {
                others.append(String.format(Locale.ROOT, "%s %.0f s; ", bound.name(), bound.seconds()));
            }
        }
        out.printf(
                Locale.ROOT,
                "| %s | %.0f s | %s | %.0f s | **%.3f** | %s |%n",
                name,
                time,
                met.name(),
                met.seconds(),
                time / met.seconds(),
                others);
    }

    private static void extrapolated(PrintStream out, String stage, String bound, double seconds, double ratio) {
        out.printf(
                Locale.ROOT,
                "| %s | %s: %.0f s (%.1f h) | %.3f | %.0f s (%.1f h) |%n",
                stage,
                bound,
                seconds,
                seconds / 3600,
                ratio,
                seconds * ratio,
                seconds * ratio / 3600);
    }

    private void cost(
            PrintStream out, Map<String, Long> counts, Map<String, Double> units, double factor, String what) {
        double gbSeconds = 0;
        long invocations = 0;
        for (Lambda.Function<?> function : run.functions()) {
            gbSeconds += s(function.billedNanos.get()) * function.memoryMb / 1024.0;
            invocations += function.invocations.get();
        }
        double wru = units.entrySet().stream()
                .filter(e -> e.getKey().startsWith("WRU:"))
                .mapToDouble(Map.Entry::getValue)
                .sum();
        double rru = units.entrySet().stream()
                .filter(e -> e.getKey().startsWith("RRU:"))
                .mapToDouble(Map.Entry::getValue)
                .sum();
        long sqs = sum(counts, "Sqs:") + sum(counts, "SQS:billed");
        long kms = sum(counts, "Kms:");
        double emails = units.getOrDefault("SES:recipients", 0.0);
        double parts = units.getOrDefault("SMS:parts", 0.0);
        long gets = counts.getOrDefault("S3:GetObject", 0L);
        long puts = counts.getOrDefault("S3:PutObject", 0L);
        Map<String, Double> cost = new LinkedHashMap<>();
        cost.put(
                String.format(
                        Locale.ROOT,
                        "Lambda (%,.0f GB-s, %,.0f invocations)",
                        gbSeconds * factor,
                        invocations * factor),
                (gbSeconds * LAMBDA_PER_GB_SECOND + invocations * LAMBDA_PER_REQUEST) * factor);
        cost.put(
                String.format(Locale.ROOT, "DynamoDB (%,.0f WRU, %,.0f RRU)", wru * factor, rru * factor),
                (wru * DYNAMODB_PER_WRU + rru * DYNAMODB_PER_RRU) * factor);
        cost.put(String.format(Locale.ROOT, "SQS (%,.0f requests)", sqs * factor), sqs * SQS_PER_REQUEST * factor);
        cost.put(String.format(Locale.ROOT, "KMS (%,.0f requests)", kms * factor), kms * KMS_PER_REQUEST * factor);
        cost.put(String.format(Locale.ROOT, "SES (%,.0f emails)", emails * factor), emails * SES_PER_EMAIL * factor);
        cost.put(
                String.format(Locale.ROOT, "SMS (%,.0f parts at $%.3f)", parts * factor, option("sms-price")),
                parts * option("sms-price") * factor);
        cost.put(
                String.format(Locale.ROOT, "S3 (%,.0f GET, %,.0f PUT)", gets * factor, puts * factor),
                (gets * S3_PER_GET + puts * S3_PER_PUT) * factor);
        out.println();
        out.println("### Cost, " + what + ", list prices of 2026-12-03 (us-east-1)");
        out.println("| service | USD |");
        out.println("| --- | --- |");
        double total = 0;
        for (Map.Entry<String, Double> entry : cost.entrySet()) {
            out.printf(Locale.ROOT, "| %s | %,.2f |%n", entry.getKey(), entry.getValue());
            total += entry.getValue();
        }
        out.printf(Locale.ROOT, "| total | %,.2f |%n", total);
    }
}
