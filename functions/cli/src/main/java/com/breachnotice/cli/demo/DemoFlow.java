package com.breachnotice.cli.demo;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.dynamodb.DynamoDbAudienceScan;
import com.breachnotice.aws.dynamodb.DynamoDbIncidentStore;
import com.breachnotice.aws.dynamodb.DynamoDbIntakeLedger;
import com.breachnotice.aws.incident.IncidentJson;
import com.breachnotice.cli.campaign.CampaignAdmin;
import com.breachnotice.cli.campaign.CampaignStatus;
import com.breachnotice.cli.campaign.RevisedLaunch;
import com.breachnotice.cli.manifest.ManifestCheck;
import com.breachnotice.cli.manifest.SyntheticAddressBook;
import com.breachnotice.cli.manifest.SyntheticManifest;
import com.breachnotice.cli.notice.DefaultNotices;
import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.campaign.SendRates;
import com.breachnotice.core.campaign.SendWindows;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.incident.IncidentDescription;
import com.breachnotice.core.intake.IntakeLedger;
import com.breachnotice.core.intake.IntakeStatus;
import com.breachnotice.core.intake.ManifestUpload;
import com.breachnotice.core.manifest.ManifestFormatException;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.notice.LintReport;
import com.breachnotice.core.notice.NoticeLint;
import com.breachnotice.core.notice.NoticeTemplate;
import com.breachnotice.core.planning.AudienceScan;
import com.breachnotice.core.planning.CampaignProgress;
import com.breachnotice.core.planning.CampaignService;
import com.breachnotice.core.planning.Reconciliation;
import com.breachnotice.emulator.LocalEmulator;
import com.breachnotice.emulator.ProvisionedStack;
import com.breachnotice.emulator.ResourceProvisioner;
import com.breachnotice.local.LocalRuntime;
import com.breachnotice.local.LocalRuntimeOptions;
import com.breachnotice.local.TemplateFunctions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * The whole flow on the local emulator, as {@code breach-notice demo} runs it: a clean emulator, the
 * stack from template.yaml, every function in the local runtime, a manifest loaded through S3 and
 * intake, the first notice launched and followed to the end. Messages for the operator go to
 * {@code err} (progress) and {@code out} (the report); nothing personal goes to a logger.
 *
 * <p>The flow leaves the runtime running ({@link #close()} stops it) so that the lookup page can be
 * tried after the report.
 */
public final class DemoFlow implements AutoCloseable {

    public static final String CAMPAIGN_ID = "first-notice";
    public static final String CAMPAIGN_TITLE = "First notice of the personal data leak";
    public static final String REVISED_ID = "revised-notice";
    public static final String REVISED_TITLE = "Revised notice: every leaked item named";

    /** What the first notice did not know yet (as happened): these items were found later. */
    static final List<String> FOUND_LATER = List.of("address_book", "entrance_code");

    public static final int SEGMENTS = 4;

    static final SendRates DEMO_RATES = new SendRates(2_000, 200);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PROGRESS_POLL = Duration.ofSeconds(1);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /**
     * @param customers rows of the generated manifest (ignored with {@code manifest})
     * @param manifest a manifest to load instead of a generated one
     * @param port HTTP port of the lookup on 127.0.0.1; 0 picks a free one
     * @param stackName the name prefix of every resource
     * @param seed seed of the generated manifest
     * @param workDirectory where generated manifests are written ({@code .demo/})
     * @param concurrency handler instances per function logical id
     * @param story the whole story (first notice on the first day's items, the complete manifest
     *     and an address book, the revised notice) rather than one first notice; only for a
     *     generated manifest
     */
    public record Options(
            int customers,
            Optional<Path> manifest,
            int port,
            String stackName,
            long seed,
            Path workDirectory,
            Map<String, Integer> concurrency,
            boolean story) {

        public Options {
            concurrency = Map.copyOf(concurrency);
        }

        /** The whole story for a generated manifest, the first notice alone for a given one. */
        public Options(
                int customers,
                Optional<Path> manifest,
                int port,
                String stackName,
                long seed,
                Path workDirectory,
                Map<String, Integer> concurrency) {
            this(customers, manifest, port, stackName, seed, workDirectory, concurrency, manifest.isEmpty());
        }

        public static Map<String, Integer> defaultConcurrency() {
            return Map.of("NoticeFunction", 4, "PlanFunction", 2, "ChallengeCodeFunction", 1, "IngestFunction", 1);
        }
    }

    /** What the run came to. {@code finished} when every planned delivery is terminal. */
    public record Report(
            long customers,
            long accepted,
            long rejected,
            long subjects,
            long planned,
            long sent,
            long failed,
            long pending,
            long emailsRecorded,
            long smsRecorded,
            double seconds,
            boolean finished,
            String intakeState,
            Optional<String> intakeError,
            Map<String, Object> addressBook,
            List<CampaignLine> campaigns,
            long smsDeliveries,
            Optional<ProofCheck> proofCheck) {

        /** A report without address book and campaigns (a refused intake). */
        Report(
                long customers,
                long accepted,
                long rejected,
                long subjects,
                long planned,
                long sent,
                long failed,
                long pending,
                long emailsRecorded,
                long smsRecorded,
                double seconds,
                boolean finished,
                String intakeState,
                Optional<String> intakeError) {
            this(
                    customers,
                    accepted,
                    rejected,
                    subjects,
                    planned,
                    sent,
                    failed,
                    pending,
                    emailsRecorded,
                    smsRecorded,
                    seconds,
                    finished,
                    intakeState,
                    intakeError,
                    Map.of(),
                    List.of(),
                    0,
                    Optional.empty());
        }

        public Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("customers", customers);
            json.put("accepted", accepted);
            json.put("rejected", rejected);
            json.put("subjects", subjects);
            Map<String, Object> deliveries = new LinkedHashMap<>();
            deliveries.put("planned", planned);
            deliveries.put("sent", sent);
            deliveries.put("failed", failed);
            deliveries.put("pending", pending);
            json.put("deliveries", deliveries);
            json.put("emails_recorded", emailsRecorded);
            json.put("sms_recorded", smsRecorded);
            json.put("seconds", Math.round(seconds * 10) / 10.0);
            json.put("sms_deliveries", smsDeliveries);
            if (!addressBook.isEmpty()) {
                json.put("address_book", addressBook);
            }
            json.put("campaigns", campaigns.stream().map(CampaignLine::json).toList());
            proofCheck.ifPresent(check -> json.put("proof_check", check.json()));
            return json;
        }
    }

    /**
     * One campaign of the run. {@code reachedOfEarlier} is {@code [reached, of]}: how many contacts of
     * the campaign it revises it brought to a terminal state, out of how many that one had.
     */
    public record CampaignLine(
            String id,
            String notice,
            long planned,
            long sent,
            long failed,
            long pending,
            Optional<String> revises,
            Optional<long[]> reachedOfEarlier) {

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id);
            json.put("notice", notice);
            json.put("planned", planned);
            json.put("sent", sent);
            json.put("failed", failed);
            json.put("pending", pending);
            json.put("revises", revises.orElse(null));
            json.put(
                    "reached_of_earlier",
                    reachedOfEarlier.map(pair -> List.of(pair[0], pair[1])).orElse(null));
            return json;
        }
    }

    private final LocalEmulator emulator;
    private final PrintWriter err;
    private final Clock clock;
    private final AwsClients aws;
    private @Nullable ProvisionedStack stack;
    private @Nullable LocalRuntime runtime;
    private @Nullable Path manifestFile;
    private Optional<String> sampleEmail = Optional.empty();
    private SampleContact.Phones samplePhones = new SampleContact.Phones(Optional.empty(), Optional.empty());

    public DemoFlow(LocalEmulator emulator, PrintWriter err, Clock clock) {
        this.emulator = emulator;
        this.err = err;
        this.clock = clock;
        emulator.applyToSystemProperties();
        this.aws = new AwsClients();
    }

    /** Runs the flow to its report. The runtime keeps running until {@link #close()}. */
    public Report run(Options options) throws IOException, InterruptedException {
        Instant started = clock.instant();
        if (!emulator.attached()) {
            status("clearing the local emulator");
            emulator.reset();
        }
        status("creating stack " + options.stackName() + " from template.yaml");
        ProvisionedStack provisioned = ResourceProvisioner.forEmulator(emulator).provision(options.stackName());
        stack = provisioned;

        status("starting the functions of template.yaml in the local runtime");
        LocalRuntimeOptions runtimeOptions = LocalRuntimeOptions.defaults().withHttpPort(options.port());
        for (Map.Entry<String, Integer> entry : options.concurrency().entrySet()) {
            runtimeOptions = runtimeOptions.withConcurrency(entry.getKey(), entry.getValue());
        }
        LocalRuntime running = TemplateFunctions.runtime(
                        provisioned, emulator.endpoint(), emulator.environment(), runtimeOptions)
                .start();
        runtime = running;

        Path manifest = manifest(options);
        manifestFile = manifest;
        ManifestCheck.Result local = null;
        try (InputStream in = Files.newInputStream(manifest)) {
            local = ManifestCheck.korea().check(in);
        } catch (ManifestFormatException e) {
            err.println("the manifest cannot be read: " + e.reason());
        }
        long customers = local == null ? 0 : local.summary().rows();
        sampleEmail = local == null ? Optional.empty() : SampleContact.pick(manifest);
        // A generated run tells the whole story: the first notice went out before every leaked item
        // was known, the address books were found leaked, and the regulator ordered a revised notice.
        boolean story = options.story() && options.manifest().isEmpty();
        Path firstDay = story ? firstDay(manifest) : manifest;

        // The facts every surface shows: the page reads them from here, the notices are filled from them.
        IncidentDescription incident = IncidentJson.sample();
        new DynamoDbIncidentStore(aws.dynamoDb(), provisioned.physicalId("CampaignTable")).publish(incident);
        status("published the sample incident description " + incident.id());

        IntakeLedger ledger = new DynamoDbIntakeLedger(aws.dynamoDb(), provisioned.physicalId("IntakeTable"));
        IntakeStatus intake = load(provisioned, ledger, firstDay, customers);
        if (intake.state() == IntakeStatus.State.REFUSED) {
            err.println("intake refused the manifest: " + intake.error().orElse("no reason given"));
            return report(started, customers, intake, 0, null);
        }

        CampaignService campaigns = new CampaignAdmin(
                        aws, provisioned.physicalId("CampaignTable"), provisioned.physicalId("PlanQueue"))
                .service();
        List<CampaignLine> lines = new ArrayList<>();
        CampaignProgress first = launchAndAwait(
                campaigns,
                CAMPAIGN_ID,
                CAMPAIGN_TITLE,
                DefaultNotices.FIRST_NOTICE,
                incident,
                customers,
                Optional.empty());
        lines.add(line(CAMPAIGN_ID, DefaultNotices.FIRST_NOTICE, first, Optional.empty(), Optional.empty()));
        CampaignProgress last = first;
        Map<String, Object> bookJson = Map.of();
        if (story) {
            intake = load(provisioned, ledger, manifest, customers);
            Path book = addressBook(options);
            samplePhones = SampleContact.pickPhones(manifest, book);
            ManifestCheck.Result bookCheck;
            try (InputStream in = Files.newInputStream(book)) {
                bookCheck = ManifestCheck.korea().check(in);
            } catch (ManifestFormatException e) {
                throw new IllegalStateException("the generated address book cannot be read: " + e.reason(), e);
            }
            IntakeStatus bookIntake =
                    load(provisioned, ledger, book, bookCheck.summary().rows());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("rows", bookIntake.rows());
            json.put("accepted", bookIntake.accepted());
            json.put("rejected", bookIntake.rejected());
            json.put("people", bookCheck.summary().subjects());
            json.put("also_customers", local == null ? 0 : bookCheck.alsoCustomers(local));
            bookJson = json;

            AudienceScan audiences = new DynamoDbAudienceScan(
                    aws.dynamoDb(), provisioned.physicalId("ContactTable"), provisioned.physicalId("DeliveryTable"));
            long[] earlier = audiences.campaignContacts(CAMPAIGN_ID, false);
            Reconciliation before = Reconciliation.of(earlier.clone(), audiences.registryContacts());
            err.println(RevisedLaunch.describe(REVISED_ID, CAMPAIGN_ID, before));
            err.flush();
            last = launchAndAwait(
                    campaigns,
                    REVISED_ID,
                    REVISED_TITLE,
                    DefaultNotices.REVISED_NOTICE,
                    incident,
                    customers,
                    Optional.of(CAMPAIGN_ID));
            // How many of the earlier campaign's contacts the revised one brought to a terminal state.
            Reconciliation after = Reconciliation.of(earlier, audiences.campaignContacts(REVISED_ID, true));
            lines.add(line(
                    REVISED_ID, DefaultNotices.REVISED_NOTICE, last, Optional.of(CAMPAIGN_ID), Optional.of(new long[] {
                        after.both(), after.earlier()
                    })));
        }
        long subjects = countItems(provisioned.physicalId("SubjectTable"));
        Report report = report(started, customers, intake, subjects, null);
        long planned = lines.stream().mapToLong(CampaignLine::planned).sum();
        long sent = lines.stream().mapToLong(CampaignLine::sent).sum();
        long failed = lines.stream().mapToLong(CampaignLine::failed).sum();
        long pending = lines.stream().mapToLong(CampaignLine::pending).sum();
        boolean finished = first.finished() && last.finished();
        return new Report(
                report.customers(),
                report.accepted(),
                report.rejected(),
                subjects,
                planned,
                sent,
                failed,
                pending,
                report.emailsRecorded(),
                report.smsRecorded(),
                report.seconds(),
                finished,
                report.intakeState(),
                report.intakeError(),
                bookJson,
                lines,
                smsSent(provisioned.physicalId("DeliveryTable")),
                ProofCheck.firstEmail(
                        aws.dynamoDb(),
                        provisioned.physicalId("DeliveryTable"),
                        lines.getLast().id(),
                        emulator.recordedEmails()));
    }

    private IntakeStatus load(ProvisionedStack provisioned, IntakeLedger ledger, Path file, long rows)
            throws IOException, InterruptedException {
        String bucket = provisioned.physicalId("ManifestBucket");
        String key = "manifests/" + file.getFileName();
        status("uploading " + key + " to s3://" + bucket);
        long size = Files.size(file);
        PutObjectResponse put = aws.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
        IntakeStatus intake = awaitIntake(ledger, new ManifestUpload(bucket, key, size, put.eTag()), rows);
        err.printf(
                "intake of %s: %d rows, %d accepted, %d rejected%s%n",
                file.getFileName(),
                intake.rows(),
                intake.accepted(),
                intake.rejected(),
                intake.rejectsKey()
                        .map(k -> " (rejects report s3://" + bucket + "/" + k + ")")
                        .orElse(""));
        err.flush();
        return intake;
    }

    private CampaignProgress launchAndAwait(
            CampaignService campaigns,
            String id,
            String title,
            String notice,
            IncidentDescription incident,
            long rows,
            Optional<String> revises)
            throws InterruptedException {
        // The emulator has no quotas: rates that let the demo finish quickly, still through the
        // same shared schedule a deployed campaign uses.
        Campaign campaign = new Campaign(
                id,
                title,
                ChannelPolicy.EMAIL_FIRST,
                clock.instant(),
                render(DefaultNotices.load(notice), incident),
                DEMO_RATES,
                // The demo runs at any hour of the day: no send window.
                SendWindows.ALWAYS,
                revises);
        CampaignService.LaunchOutcome launched = campaigns.launch(campaign, SEGMENTS);
        if (launched instanceof CampaignService.LaunchOutcome.IdTaken) {
            throw new IllegalStateException("campaign id " + id + " is taken by a different notice");
        }
        status("launched campaign " + id + " (" + notice + ", policy email-first, " + SEGMENTS + " segments)");
        return awaitCampaign(campaigns, id, rows);
    }

    private static CampaignLine line(
            String id,
            String notice,
            CampaignProgress progress,
            Optional<String> revises,
            Optional<long[]> reachedOfEarlier) {
        return new CampaignLine(
                id,
                notice,
                progress.plan().plannedDeliveries(),
                CampaignStatus.sent(progress.deliveries()),
                CampaignStatus.failed(progress.deliveries()),
                progress.pending(),
                revises,
                reachedOfEarlier);
    }

    /**
     * The customer manifest as it was known on the day of the first notice: the items found later
     * ({@link #FOUND_LATER}) are not in it yet. Loading the whole file later adds them.
     */
    private Path firstDay(Path manifest) throws IOException {
        Path file = manifest.resolveSibling(manifest.getFileName().toString().replace(".csv", "") + "-first-day.csv");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(manifest, java.nio.charset.StandardCharsets.UTF_8)) {
            String kept = line;
            for (String item : FOUND_LATER) {
                kept = kept.replace(";" + item, "").replace(item + ";", "");
            }
            lines.add(kept);
        }
        Files.write(file, lines, java.nio.charset.StandardCharsets.UTF_8);
        return file;
    }

    private Path addressBook(Options options) throws IOException {
        Path file = manifestFile()
                .resolveSibling(manifestFile().getFileName().toString().replace(".csv", "") + "-address-book.csv");
        int entries = Math.max(1, options.customers() / 2);
        status("generating " + entries + " address-book entries beside the customers in " + file);
        try (OutputStream out = Files.newOutputStream(file)) {
            new SyntheticAddressBook(options.seed()).write(out, options.customers(), entries);
        }
        return file;
    }

    /** SMS deliveries in state sent or delivered, over every campaign: to compare with the SMS the emulator recorded. */
    private long smsSent(String deliveryTable) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            var startKey = start;
            ScanResponse page = aws.dynamoDb()
                    .scan(b -> b.tableName(deliveryTable)
                            .filterExpression("channel = :sms AND (#s = :sent OR #s = :delivered)")
                            .expressionAttributeNames(Map.of("#s", "status"))
                            .expressionAttributeValues(Map.of(
                                    ":sms", AttributeValue.fromS("sms"),
                                    ":sent", AttributeValue.fromS(DeliveryStatus.SENT.code()),
                                    ":delivered", AttributeValue.fromS(DeliveryStatus.DELIVERED.code())))
                            .select(Select.COUNT)
                            .exclusiveStartKey(startKey));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    /** The HTTP port of the lookup; valid after {@link #run}. */
    public int httpPort() {
        LocalRuntime running = runtime;
        if (running == null) {
            throw new IllegalStateException("the demo has not started the runtime");
        }
        return running.httpPort();
    }

    /** The stack created by {@link #run}. */
    public ProvisionedStack stack() {
        ProvisionedStack created = stack;
        if (created == null) {
            throw new IllegalStateException("the demo has not created the stack");
        }
        return created;
    }

    /** The manifest that was loaded. */
    public Path manifestFile() {
        Path file = manifestFile;
        if (file == null) {
            throw new IllegalStateException("the demo has not loaded a manifest");
        }
        return file;
    }

    /** An affected email address of the manifest, when it is a synthetic one (reserved domain). */
    public Optional<String> sampleEmail() {
        return sampleEmail;
    }

    /** A synthetic mobile saved only in customers' address books, when the run generated one. */
    public Optional<String> sampleAddressBookPhone() {
        return samplePhones.bookOnly();
    }

    /** A synthetic customer's mobile that other customers also saved in their books, when there is one. */
    public Optional<String> sampleCustomerAlsoInABook() {
        return samplePhones.alsoCustomer();
    }

    public AwsClients aws() {
        return aws;
    }

    @Override
    public void close() {
        LocalRuntime running = runtime;
        if (running != null) {
            running.close();
        }
        aws.close();
    }

    /** The notice filled with the incident's facts, refused as a launch would refuse it. */
    static Map<NoticeLocale, NoticeText> render(
            Map<NoticeLocale, NoticeTemplate> templates, IncidentDescription incident) {
        LintReport lint = NoticeLint.check(templates, incident);
        if (!lint.passed()) {
            throw new IllegalStateException("the built-in notice fails the lint: " + lint.errors());
        }
        Map<NoticeLocale, NoticeText> texts = new java.util.EnumMap<>(NoticeLocale.class);
        templates.forEach((locale, template) -> texts.put(locale, template.render(incident)));
        return texts;
    }

    private Path manifest(Options options) throws IOException {
        Optional<Path> given = options.manifest();
        if (given.isPresent()) {
            return given.get();
        }
        Path directory = options.workDirectory().resolve("manifests");
        Files.createDirectories(directory);
        Path file = directory.resolve("demo-" + options.customers() + "-"
                + STAMP.format(clock.instant().atZone(clock.getZone())) + ".csv");
        status("generating a synthetic manifest of " + options.customers() + " customers (seed " + options.seed()
                + ") in " + file);
        try (OutputStream out = Files.newOutputStream(file)) {
            new SyntheticManifest(options.seed()).write(out, options.customers());
        }
        return file;
    }

    private IntakeStatus awaitIntake(IntakeLedger ledger, ManifestUpload upload, long rows)
            throws InterruptedException {
        // The emulator merges about 40 rows a second (one UpdateItem per subject and contact);
        // allow for a slower machine rather than fail a healthy run.
        Duration timeout = Duration.ofSeconds(120).plusMillis(100 * rows);
        Instant deadline = clock.instant().plus(timeout);
        // S3 reports the ETag quoted, its event notifications without quotes: accept either form.
        String bare = upload.etag().replace("\"", "");
        List<String> ids = List.of(
                new ManifestUpload(upload.bucket(), upload.key(), upload.size(), bare).manifestId(),
                new ManifestUpload(upload.bucket(), upload.key(), upload.size(), "\"" + bare + "\"").manifestId());
        status("waiting for intake to load the manifest");
        while (true) {
            for (String id : ids) {
                Optional<IntakeStatus> status = ledger.find(id);
                if (status.isPresent() && status.get().state() != IntakeStatus.State.LOADING) {
                    return status.get();
                }
            }
            if (clock.instant().isAfter(deadline)) {
                throw new DemoTimeoutException("intake did not finish within " + timeout.toSeconds() + " s");
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
    }

    private CampaignProgress awaitCampaign(CampaignService campaigns, String campaignId, long rows)
            throws InterruptedException {
        Duration timeout = Duration.ofSeconds(120).plusMillis(100 * rows);
        Instant deadline = clock.instant().plus(timeout);
        ProgressLine line = new ProgressLine(err, System.console() != null);
        while (true) {
            CampaignProgress progress = campaigns.progress(campaignId);
            line.show(CampaignStatus.summary(progress));
            if (progress.finished()) {
                line.done();
                return progress;
            }
            if (clock.instant().isAfter(deadline)) {
                line.done();
                err.println("the campaign did not finish within " + timeout.toSeconds() + " s");
                return progress;
            }
            TimeUnit.MILLISECONDS.sleep(PROGRESS_POLL.toMillis());
        }
    }

    private Report report(
            Instant started, long customers, IntakeStatus intake, long subjects, @Nullable CampaignProgress progress) {
        long planned = 0;
        long sent = 0;
        long failed = 0;
        long pending = 0;
        boolean finished = false;
        if (progress != null) {
            planned = progress.plan().plannedDeliveries();
            sent = CampaignStatus.sent(progress.deliveries());
            failed = CampaignStatus.failed(progress.deliveries());
            pending = progress.pending();
            finished = progress.finished();
        }
        long emails = emulator.recordedEmails().size();
        long sms = emulator.recordedSms().size();
        double seconds = Duration.between(started, clock.instant()).toMillis() / 1000.0;
        return new Report(
                customers,
                intake.accepted(),
                intake.rejected(),
                subjects,
                planned,
                sent,
                failed,
                pending,
                emails,
                sms,
                seconds,
                finished,
                intake.state().name().toLowerCase(java.util.Locale.ROOT),
                intake.error());
    }

    private long countItems(String table) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            var startKey = start;
            ScanResponse page = aws.dynamoDb()
                    .scan(b -> b.tableName(table).select(Select.COUNT).exclusiveStartKey(startKey));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    private void status(String message) {
        err.println(message + "…");
        err.flush();
    }

    /** Raised when a stage does not finish in the time the demo allows for its size. */
    public static final class DemoTimeoutException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        DemoTimeoutException(String message) {
            super(message);
        }
    }
}
