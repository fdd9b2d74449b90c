package com.breachnotice.bench.scale;

import com.breachnotice.aws.messages.MessageCodec;
import com.breachnotice.cli.manifest.SyntheticManifest;
import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.CampaignCache;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.campaign.LifecycleService;
import com.breachnotice.core.campaign.SendRates;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.intake.IngestTask;
import com.breachnotice.core.intake.IntakeService;
import com.breachnotice.core.intake.IntakeStatus;
import com.breachnotice.core.intake.ManifestUpload;
import com.breachnotice.core.manifest.ManifestReader;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.planning.CampaignService;
import com.breachnotice.core.planning.NoticeJob;
import com.breachnotice.core.planning.PlanTask;
import com.breachnotice.core.planning.PlannerService;
import com.breachnotice.core.registry.StoredContact;
import com.breachnotice.core.sending.AdaptiveRate;
import com.breachnotice.core.sending.CampaignGate;
import com.breachnotice.core.sending.EmailJobSender;
import com.breachnotice.core.sending.LeaseTerms;
import com.breachnotice.core.sending.Pacer;
import com.breachnotice.core.sending.Recipients;
import com.breachnotice.core.sending.SendSchedule;
import com.breachnotice.core.sending.SenderService;
import com.breachnotice.core.sending.SmsJobSender;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.core.testing.InMemoryCampaignCounters;
import com.breachnotice.core.testing.InMemoryCampaignStore;
import com.breachnotice.core.testing.InMemoryDeliveryLog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scale model of issue 14: the real intake, planner and sender services of functions/core, in
 * one process, over store fakes that model the AWS limits ({@link Aws}, {@link Stores}), with
 * Lambda concurrency as bounded pools of workers ({@link Lambda}) on a virtual clock
 * ({@link VirtualTime}). Prints per stage the time, the bound it met and their ratio, the
 * requests per 1,000 rows and per 1,000 notices, and the extrapolation with its cost.
 *
 * <p>Usage: {@code ScaleModel [--people N] [--wcu N] ...}; {@code --help} lists every option with
 * its default. Everything stays in this process; the manifest and the contacts live in scratch
 * files under {@code java.io.tmpdir}, deleted at the end.
 */
public final class ScaleModel {

    private static final PrintStream OUT = System.out;

    /**
     * The sender's lease terms as SenderWiring sets them by default: a 3-minute lease, and a call
     * deadline of the SDK's 20 s API call timeout plus SenderSettings' 10 s margin.
     */
    static final LeaseTerms LEASES = new LeaseTerms(Duration.ofMinutes(3), Duration.ofSeconds(30));

    /** The options and their defaults: today's AWS defaults, sources in README.md. */
    static final Map<String, Double> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("people", 1_000_000.0);
        DEFAULTS.put("wcu", 4_000.0); // new on-demand table: 4,000 write units/s until warmed
        DEFAULTS.put("rcu", 12_000.0); // and 12,000 read units/s
        DEFAULTS.put("other-wcu", 4_000.0);
        DEFAULTS.put("other-rcu", 12_000.0);
        DEFAULTS.put("ses-rate", 1_000.0); // the account's SES sending rate (the target's figure)
        DEFAULTS.put("sms-numbers", 1.0);
        DEFAULTS.put("sms-mps", 10.0); // message parts per second per origination number
        DEFAULTS.put("account-concurrency", 1_000.0);
        DEFAULTS.put("ingest-concurrency", 50.0); // template.yaml: IngestFunction MaximumConcurrency
        DEFAULTS.put("plan-concurrency", 100.0);
        DEFAULTS.put("notice-concurrency", 10.0); // template.yaml: NoticeFunction MaximumConcurrency
        DEFAULTS.put("segments", 4.0); // the CLI's default --segments
        DEFAULTS.put("range-mib", 16.0); // IntakeService.DEFAULT_RANGE_BYTES
        DEFAULTS.put("cpu-factor", 1769.0 / 1024.0); // a 1,024 MB function gets 1024/1769 of a vCPU
        DEFAULTS.put("cold-start-ms", 1_000.0);
        DEFAULTS.put("memory-mb", 1_024.0); // template.yaml Globals.Function.MemorySize
        DEFAULTS.put("extrapolate", 33_700_000.0);
        DEFAULTS.put("sms-price", 0.02); // per message part, assumed (see README)
        DEFAULTS.put("quantum-ms", 200.0); // how far a worker may run ahead of the others
        DEFAULTS.put("email-only", 0.0); // 1: an email-only campaign (the emulator's requests bench)
        // 1: texts go to a queue of their own with a sender mapping of their own (a proposed fix, see
        // README "SMS"); 0: one notice queue for both channels, as template.yaml has it today.
        DEFAULTS.put("sms-queue", 0.0);
        // The subject registry's batch retry policy (BatchRetry.patient(): 20 attempts, backoff at
        // most 5 s, a batch the SDK gave up on as throttled asked again whole); other values model
        // another policy (8, 2000, 0 is BatchRetry.standard(), the registry's until 2026-12-03).
        DEFAULTS.put("batch-attempts", 20.0);
        DEFAULTS.put("batch-max-delay-ms", 5_000.0);
        DEFAULTS.put("batch-retry-throttled", 1.0);
        DEFAULTS.put("sms-concurrency", 2.0); // MaximumConcurrency of that mapping (2 is SQS's least)
        DEFAULTS.put("sms-batch", 1.0); // its batch size
    }

    private final Map<String, Double> options;
    private final VirtualTime time;
    private final Aws aws;
    private final Stores.Tables tables;

    private ScaleModel(Map<String, Double> options) {
        this.options = options;
        this.time = new VirtualTime(option("cpu-factor"), Math.round(option("quantum-ms") * 1e6));
        this.aws = new Aws(time);
        aws.patient = new Aws.BatchPolicy(
                intOption("batch-attempts"),
                Math.round(option("batch-max-delay-ms") * 1e6),
                option("batch-retry-throttled") > 0);
        this.tables = new Stores.Tables(option("wcu"), option("rcu"), option("other-wcu"), option("other-rcu"));
    }

    private double option(String name) {
        return java.util.Objects.requireNonNull(options.get(name), name);
    }

    private int intOption(String name) {
        return (int) Math.round(option(name));
    }

    public static void main(String[] args) throws Exception {
        Map<String, Double> options = new LinkedHashMap<>(DEFAULTS);
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            if (name.equals("help") || !options.containsKey(name) || i + 1 >= args.length) {
                OUT.println("options (defaults):");
                DEFAULTS.forEach((k, v) -> OUT.printf(Locale.ROOT, "  --%s %s%n", k, v));
                System.exit(name.equals("help") ? 0 : 2);
            }
            options.put(name, Double.parseDouble(args[++i].replace("_", "")));
        }
        new ScaleModel(options).run();
        System.exit(0);
    }

    /** A queued notice job as the model keeps it: the contacts' lines in the contact file. */
    record CompactJob(String campaignId, Channel channel, NoticeLocale locale, int[] lines, int bytes) {}

    private void run() throws Exception {
        int people = intOption("people");
        int concurrencyTotal = intOption("ingest-concurrency")
                + intOption("plan-concurrency")
                + intOption("notice-concurrency")
                + (option("sms-queue") > 0 ? intOption("sms-concurrency") : 0);
        if (concurrencyTotal > intOption("account-concurrency")) {
            throw new IllegalArgumentException("the functions' concurrency exceeds the account's");
        }
        OUT.println("options: " + options);
        Path dir = Files.createTempDirectory("scale-model");
        Path manifestPath = dir.resolve("manifest.csv");
        long generateStart = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(manifestPath)) {
            new SyntheticManifest(11).write(out, people);
        }
        long manifestBytes = Files.size(manifestPath);
        OUT.printf(
                Locale.ROOT,
                "manifest: %,d rows, %,d bytes, generated in %.1f s (real)%n",
                people,
                manifestBytes,
                (System.nanoTime() - generateStart) / 1e9);
        long realStart = System.nanoTime();
        long cpuStart = processCpu();
        try (ContactFile contactFile = new ContactFile(dir.resolve("contacts.tsv"))) {
            simulate(people, manifestPath, manifestBytes, contactFile);
        } finally {
            Files.deleteIfExists(manifestPath);
            Files.deleteIfExists(dir);
        }
        OUT.printf(
                Locale.ROOT,
                "model run: %.1f s real, %.1f s of process CPU, peak heap %d MiB%n",
                (System.nanoTime() - realStart) / 1e9,
                (processCpu() - cpuStart) / 1e9,
                peakHeapMib());
    }

    private void simulate(int people, Path manifestPath, long manifestBytes, ContactFile contactFile) throws Exception {
        long realStart = System.nanoTime();
        ContactKeyer keyer = Fixtures.keyer();
        Clock clock = time.clock();
        Stores.Registry registry = new Stores.Registry(aws, tables, contactFile);
        Stores.Deliveries deliveries = new Stores.Deliveries(aws, tables);
        Stores.JobEntries jobs = new Stores.JobEntries(aws, tables);
        Stores.PlanEntries plans = new Stores.PlanEntries(aws, tables);
        Stores.IntakeEntries intake = new Stores.IntakeEntries(aws, tables);
        Stores.Campaigns campaigns = new Stores.Campaigns(aws, tables);
        Stores.Governor governor = new Stores.Governor(aws, tables);
        Stores.Ses ses = new Stores.Ses(aws, option("ses-rate"));
        double smsRate = option("sms-numbers") * option("sms-mps");
        Stores.Sms sms = new Stores.Sms(aws, smsRate);
        Stores.Manifest manifest = new Stores.Manifest(aws, manifestPath);
        Stores.Rejects rejects = new Stores.Rejects(aws);
        Stores.Templates templates = new Stores.Templates(aws);
        long rangeBytes = Math.round(option("range-mib") * (1 << 20));
        long coldStart = Math.round(option("cold-start-ms") * 1e6);
        int memory = intOption("memory-mb");

        Lambda.Queue<IngestTask> ingestQueue = new Lambda.Queue<>("ingest", aws, time);
        Lambda.Queue<PlanTask> planQueue = new Lambda.Queue<>("plan", aws, time);
        Lambda.Queue<CompactJob> noticeQueue = new Lambda.Queue<>("notice", aws, time);
        boolean smsQueued = option("sms-queue") > 0;
        Lambda.Queue<CompactJob> smsQueue = new Lambda.Queue<>("notice-sms", aws, time);
        // Timeouts and visibility timeouts as in template.yaml.
        Lambda.Function<IngestTask> ingest = new Lambda.Function<>(
                "ingest",
                ingestQueue,
                intOption("ingest-concurrency"),
                1,
                seconds(300),
                seconds(1800),
                memory,
                coldStart,
                time,
                aws,
                () -> {
                    IntakeService service = new IntakeService(
                            new ManifestReader(Fixtures.NORMALIZER),
                            keyer,
                            new ContactCipher(new Stores.Kms(aws)),
                            manifest,
                            registry,
                            intake,
                            rejects,
                            tasks -> ingestQueue.send(
                                    tasks, t -> MessageCodec.encode(t).length()),
                            clock,
                            rangeBytes);
                    return tasks -> {
                        List<Boolean> done = new ArrayList<>();
                        for (IngestTask task : tasks) {
                            try {
                                service.ingest(task);
                                done.add(true);
                            } catch (IOException e) {
                                done.add(false);
                            }
                        }
                        return Lambda.outcomes(done);
                    };
                });
        Lambda.Function<PlanTask> planner = new Lambda.Function<>(
                "plan",
                planQueue,
                intOption("plan-concurrency"),
                1,
                seconds(300),
                seconds(1800),
                memory,
                coldStart,
                time,
                aws,
                () -> {
                    PlannerService service = new PlannerService(
                            campaigns,
                            registry,
                            plans,
                            planned -> {
                                List<CompactJob> compacts = planned.stream()
                                        .map(job -> compact(job, registry))
                                        .toList();
                                List<CompactJob> texts = smsQueued
                                        ? compacts.stream()
                                                .filter(job -> job.channel() == Channel.SMS)
                                                .toList()
                                        : List.of();
                                List<CompactJob> rest = smsQueued
                                        ? compacts.stream()
                                                .filter(job -> job.channel() != Channel.SMS)
                                                .toList()
                                        : compacts;
                                if (!rest.isEmpty()) {
                                    noticeQueue.send(rest, CompactJob::bytes);
                                }
                                if (!texts.isEmpty()) {
                                    smsQueue.send(texts, CompactJob::bytes);
                                }
                            },
                            tasks -> planQueue.send(
                                    tasks, t -> MessageCodec.encode(t).length()),
                            deliveries,
                            // A first notice revises nothing: the planner never reads the history.
                            new InMemoryDeliveryLog(),
                            jobs,
                            clock);
                    return tasks -> {
                        List<Boolean> done = new ArrayList<>();
                        for (PlanTask task : tasks) {
                            service.plan(task);
                            done.add(true);
                        }
                        return Lambda.outcomes(done);
                    };
                });
        Pacer pacer = turn -> {
            // The CPU used since the last charge (building the job's messages) ran before the
            // wait, as it does in a function: charged first, it shortens the wait, not delays the call.
            time.spend(0);
            long wait = time.nanos(turn) - time.now();
            if (wait > 0) {
                time.spend(wait);
            }
        };
        Lambda.Instance<CompactJob> senderInstance = () -> {
            // As SenderWiring builds it: one fake serves both roles of the deliveries table.
            ContactCipher cipher = new ContactCipher(new Stores.Kms(aws));
            SendSchedule schedule = new SendSchedule(governor, new AdaptiveRate(), pacer, clock);
            LockstepThreads threads = new LockstepThreads(time);
            SenderService service = new SenderService(
                    new CampaignCache(campaigns),
                    CampaignGate.ALWAYS_OPEN,
                    jobs,
                    new Recipients(registry, keyer),
                    deliveries,
                    List.of(
                            new EmailJobSender(ses, cipher, schedule, LEASES, clock),
                            new SmsJobSender(sms, deliveries, cipher, schedule, LEASES, clock, threads)),
                    schedule,
                    LEASES,
                    clock,
                    threads);
            return compacts -> send(service, threads, compacts, registry);
        };
        Lambda.Function<CompactJob> sender = new Lambda.Function<>(
                "notice",
                noticeQueue,
                intOption("notice-concurrency"),
                10,
                seconds(120),
                seconds(720),
                memory,
                coldStart,
                time,
                aws,
                senderInstance);
        // The same sender function on a queue of its own for the texts (only with --sms-queue 1).
        Lambda.Function<CompactJob> smsSender = new Lambda.Function<>(
                "notice-sms",
                smsQueue,
                intOption("sms-concurrency"),
                intOption("sms-batch"),
                seconds(120),
                seconds(720),
                memory,
                coldStart,
                time,
                aws,
                senderInstance);

        // ---- intake: the upload function splits the manifest, the ingest function loads it.
        time.register();
        long intakeStart = time.sharedNow();
        ManifestUpload upload = new ManifestUpload("manifests", "scale.csv", manifestBytes, "v1");
        IntakeService uploadFunction = new IntakeService(
                new ManifestReader(Fixtures.NORMALIZER),
                keyer,
                new ContactCipher(new Stores.Kms(aws)),
                manifest,
                registry,
                intake,
                rejects,
                tasks -> ingestQueue.send(tasks, t -> MessageCodec.encode(t).length()),
                clock,
                rangeBytes);
        IntakeService.Acceptance accepted = uploadFunction.accept(upload);
        time.chargeCpu();
        OUT.println("upload: " + accepted);
        ingest.start();
        long limit = time.sharedNow() + seconds(30L * 24 * 3600);
        long nextProgress = time.sharedNow();
        while (intake.inner.find(upload.manifestId()).map(IntakeStatus::state).orElse(null) != IntakeStatus.State.LOADED
                && time.sharedNow() < limit) {
            if (ingestQueue.idle() && time.sharedNow() > intakeStart + seconds(60)) {
                break; // every range loaded or dead-lettered, and the manifest not finished
            }
            if (time.sharedNow() >= nextProgress) {
                OUT.printf(
                        Locale.ROOT,
                        "  t=%,.0f s intake: %,d subjects, %,d ingest timeouts, %,d failed, %,d dead-lettered (%.0f s real)%n",
                        (time.sharedNow() - intakeStart) / 1e9,
                        registry.subjectCount(),
                        ingest.timeouts.get(),
                        ingest.errors.get(),
                        ingestQueue.deadLettered.get(),
                        (System.nanoTime() - realStart) / 1e9);
                nextProgress += seconds(300);
            }
            time.sleepUntil(time.sharedNow() + seconds(1));
        }
        long intakeEnd = intake.finishedAt.get() >= 0 ? intake.finishedAt.get() : time.sharedNow();
        ingest.stop();
        time.sleepUntil(time.sharedNow() + seconds(1));
        ingest.join();
        Map<String, Long> intakeCounts = aws.meter.counts();
        Map<String, Double> intakeUnits = aws.meter.unitTotals();
        IntakeStatus status = intake.inner.find(upload.manifestId()).orElseThrow();
        OUT.println("intake: " + status.state() + " " + intake.inner.summary(upload.manifestId()));
        if (status.state() != IntakeStatus.State.LOADED) {
            OUT.printf(
                    Locale.ROOT,
                    "intake did not finish: after %,.0f s, %,d of %,d ranges dead-lettered, %,d ingest invocations"
                            + " ended by the 300 s timeout, %,d failed (%s), %,d subjects stored; no campaign%n",
                    (time.sharedNow() - intakeStart) / 1e9,
                    ingestQueue.deadLettered.get(),
                    ingestQueue.sent.get(),
                    ingest.timeouts.get(),
                    ingest.errors.get(),
                    ingest.lastError.get(),
                    registry.subjectCount());
            time.deregister();
            return;
        }

        // ---- the campaign: launch, planning and sending overlap.
        Campaign campaign = Fixtures.campaign(
                        "scale", option("email-only") > 0 ? ChannelPolicy.EMAIL_ONLY : ChannelPolicy.EMAIL_FIRST)
                .withRates(new SendRates(intOption("ses-rate"), (int) Math.round(smsRate)));
        long launchAt = time.sharedNow();
        InMemoryCampaignStore lifecycles = new InMemoryCampaignStore();
        CampaignService launcher = new CampaignService(
                campaigns,
                templates,
                tasks -> planQueue.send(tasks, t -> MessageCodec.encode(t).length()),
                plans,
                // Progress is read from the ledgers' inner state below; launch needs neither.
                new InMemoryCampaignCounters(),
                lifecycles,
                new LifecycleService(lifecycles, Clock.systemUTC()));
        launcher.launch(campaign, intOption("segments"));
        time.chargeCpu();
        planner.start();
        sender.start();
        if (smsQueued) {
            smsSender.start();
        }
        long planEnd = -1;
        nextProgress = time.sharedNow();
        while (time.sharedNow() < limit) {
            if (time.sharedNow() >= nextProgress) {
                OUT.printf(
                        Locale.ROOT,
                        "  t=%,.0f s campaign: %,d emails, %,d texts (%.0f s real)%n",
                        (time.sharedNow() - launchAt) / 1e9,
                        ses.accepted.get(),
                        sms.texts.get(),
                        (System.nanoTime() - realStart) / 1e9);
                nextProgress += seconds(3600);
            }
            boolean planned = plans.inner.progress(campaign.id()).complete();
            if (planned && planEnd < 0) {
                planEnd = plans.lastCompleteAt.get();
            }
            if (planned && planQueue.idle() && noticeQueue.idle() && smsQueue.idle()) {
                break;
            }
            time.sleepUntil(time.sharedNow() + seconds(1));
        }
        long campaignEnd = time.sharedNow();
        planner.stop();
        sender.stop();
        smsSender.stop();
        time.sleepUntil(campaignEnd + seconds(1));
        time.deregister();
        planner.join();
        sender.join();
        if (smsQueued) {
            smsSender.join();
        }

        report(new Run(
                people,
                intakeStart,
                intakeEnd,
                launchAt,
                planEnd,
                campaignEnd,
                intakeCounts,
                intakeUnits,
                registry,
                deliveries,
                jobs,
                campaign,
                ses,
                sms,
                governor,
                smsQueued ? List.of(ingest, planner, sender, smsSender) : List.of(ingest, planner, sender),
                smsQueued
                        ? List.of(ingestQueue, planQueue, noticeQueue, smsQueue)
                        : List.of(ingestQueue, planQueue, noticeQueue)));
    }

    private static long seconds(long s) {
        return s * 1_000_000_000L;
    }

    private static CompactJob compact(NoticeJob job, Stores.Registry registry) {
        int[] lines = new int[job.contacts().size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = registry.lineOf(job.contacts().get(i));
        }
        // The SQS body as the real codec encodes it, with the contacts the planner enclosed.
        return new CompactJob(
                job.campaignId(),
                job.channel(),
                job.locale(),
                lines,
                MessageCodec.encode(job).length());
    }

    private static NoticeJob rehydrate(CompactJob compact, Stores.Registry registry) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int line : compact.lines()) {
            min = Math.min(min, line);
            max = Math.max(max, line);
        }
        List<StoredContact> page = registry.read(min, max + 1);
        List<ContactKey> keys = new ArrayList<>(compact.lines().length);
        Map<ContactKey, StoredContact> enclosed = new LinkedHashMap<>();
        for (int line : compact.lines()) {
            StoredContact contact = page.get(line - min);
            keys.add(contact.key());
            enclosed.put(contact.key(), contact);
        }
        return new NoticeJob(compact.campaignId(), compact.channel(), compact.locale(), keys, enclosed);
    }

    /**
     * One sender invocation: the service sends its batch on lockstep threads of the shared clock
     * ({@link LockstepThreads}); the CPU they used is added to the invocation's account (each
     * thread's CPU was already charged to its own time, as the instance's share of a core).
     */
    private List<Long> send(
            SenderService service, LockstepThreads threads, List<CompactJob> compacts, Stores.Registry registry) {
        List<NoticeJob> batch =
                compacts.stream().map(c -> rehydrate(c, registry)).toList();
        List<SenderService.JobResult> outcomes = service.sendAll(batch);
        time.addCharged(threads.takeCpu());
        List<Long> done = new ArrayList<>();
        for (SenderService.JobResult outcome : outcomes) {
            done.add(outcome.completed().map(ScaleModel::noticeOutcome).orElse(Lambda.RETRY));
        }
        return done;
    }

    /** As NoticeHandler answers for a job: parked (HELD_DELAY, or until its turn), done, or failed. */
    private static long noticeOutcome(SenderService.JobOutcome outcome) {
        if (outcome.held()) {
            return HELD_DELAY.toNanos();
        }
        if (outcome.parked()) {
            // SqsParkingQueue: whole seconds, at most SQS's 15 minutes, at least none.
            long seconds = Math.min(PARK_MAX.toSeconds(), outcome.comeBackIn().toSeconds());
            return Math.max(1, seconds * 1_000_000_000L);
        }
        return outcome.complete() ? Lambda.DONE : Lambda.RETRY;
    }

    /** NoticeHandler.HELD_DELAY. */
    private static final Duration HELD_DELAY = Duration.ofSeconds(60);

    /** ParkingQueue.MAX_DELAY. */
    private static final Duration PARK_MAX = Duration.ofMinutes(15);

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long peakHeapMib() {
        long peak = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    record Run(
            int people,
            long intakeStart,
            long intakeEnd,
            long launchAt,
            long planEnd,
            long campaignEnd,
            Map<String, Long> intakeCounts,
            Map<String, Double> intakeUnits,
            Stores.Registry registry,
            Stores.Deliveries deliveries,
            Stores.JobEntries jobs,
            Campaign campaign,
            Stores.Ses ses,
            Stores.Sms sms,
            Stores.Governor governor,
            List<Lambda.Function<?>> functions,
            List<Lambda.Queue<?>> queues) {}

    private void report(Run run) {
        Report report = new Report(run, options, aws, tables);
        report.print(OUT);
    }
}
