package com.breachnotice.bench.campaigns;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.dynamodb.DynamoDbCampaignCounters;
import com.breachnotice.aws.dynamodb.DynamoDbCampaignStore;
import com.breachnotice.aws.dynamodb.DynamoDbDeliveryCensus;
import com.breachnotice.aws.dynamodb.DynamoDbPlanLedger;
import com.breachnotice.aws.kms.KmsDataKeyProvider;
import com.breachnotice.aws.secrets.SecretsManagerPepperSource;
import com.breachnotice.aws.ses.SesEmailTemplates;
import com.breachnotice.aws.sqs.SqsPlanQueue;
import com.breachnotice.cli.BreachNoticeCli;
import com.breachnotice.cli.Json;
import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.campaign.LifecycleService;
import com.breachnotice.core.campaign.SendRates;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.delivery.ChannelCounts;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.planning.CampaignProgress;
import com.breachnotice.core.planning.CampaignService;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.emulator.LocalEmulator;
import com.breachnotice.emulator.ProvisionedStack;
import com.breachnotice.emulator.RecordedEmail;
import com.breachnotice.emulator.RecordedSms;
import com.breachnotice.emulator.ResourceProvisioner;
import com.breachnotice.local.AwsTarget;
import com.breachnotice.local.LocalFunction;
import com.breachnotice.local.LocalRuntime;
import com.breachnotice.local.LocalRuntimeOptions;
import com.breachnotice.local.TemplateFunctions;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The must-show runs of issue 12 on the local emulator, each ending in a table of figures with the
 * bound each must meet:
 *
 * <ul>
 *   <li>{@code pause}: a campaign of N contacts (one in ten a phone) paused at about a third with
 *       {@code campaign pause}; from the emulator's own records, no email or text goes out more than
 *       10 s after the command returned; the notice dead-letter queue stays empty over the pause;
 *       {@code campaign resume}; at the end every contact notified once (lost 0, repeated 0) and
 *       {@code campaign recount} agrees with the counters.
 *   <li>{@code cancel}: cancelled at about a third; every delivery not sent ends {@code cancelled};
 *       per channel, the counters' terminal statuses add up to planned; the recount agrees.
 *   <li>{@code status-requests}: the AWS requests {@code campaign status} makes (counted by an SDK
 *       interceptor on its thread) and its time, at two campaign sizes.
 * </ul>
 */
public final class CampaignsBench {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    /** How late after {@code pause} returns a provider call may still start. */
    static final Duration PAUSE_BOUND = Duration.ofSeconds(10);

    private static final List<String[]> ROWS = new ArrayList<>();
    private static boolean failed;

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "";
        int contacts = intOption(args, "--contacts", 20_000);
        int pauseMinutes = intOption(args, "--pause-minutes", 15);
        int emailRate = intOption(args, "--email-rate", 200);
        int smsRate = intOption(args, "--sms-rate", 50);
        int senders = intOption(args, "--senders", 4);
        SendRates rates = new SendRates(emailRate, smsRate);
        switch (mode) {
            case "pause" -> pause(contacts, Duration.ofMinutes(pauseMinutes), rates, senders);
            case "cancel" -> cancel(contacts, rates, senders);
            case "status-requests" ->
                statusRequests(intOption(args, "--small", 2_000), intOption(args, "--large", contacts), rates, senders);
            default -> {
                OUT.println("usage: bench/campaigns/run pause|cancel|status-requests [--contacts N] [--pause-minutes M]"
                        + " [--email-rate R] [--sms-rate R] [--senders S] [--small N --large N]");
                System.exit(2);
            }
        }
        print();
        System.exit(failed ? 1 : 0);
    }

    // ---------------------------------------------------------------- pause

    static void pause(int contacts, Duration pauseFor, SendRates rates, int senders) throws Exception {
        OUT.printf(
                "pause: %,d contacts, email %d/s, SMS %d/s, %d senders, paused for %d min%n",
                contacts, rates.emailPerSecond(), rates.smsPerSecond(), senders, pauseFor.toMinutes());
        try (Harness h = Harness.start("pause", contacts, senders)) {
            h.launch(rates);
            CampaignProgress before = h.awaitTerminal(contacts / 3, Duration.ofMinutes(30));
            int exit = h.cli("campaign", "pause", h.campaignId, "--reason", "bench: pause at a third");
            Instant paused = Instant.now();
            OUT.println("  paused at " + paused + " with " + terminal(before) + " terminal: " + h.lastOut.strip());
            check(exit == 0, "pause refused: " + h.lastErr);

            sleepUntil(paused.plus(PAUSE_BOUND));
            int emailsAtBound = h.emulator.recordedEmails().size();
            long deadLetters = 0;
            Instant resumeAt = paused.plus(pauseFor);
            while (Instant.now().isBefore(resumeAt)) {
                deadLetters = Math.max(deadLetters, h.deadLetters());
                sleepUntil(min(resumeAt, Instant.now().plusSeconds(30)));
            }
            deadLetters = Math.max(deadLetters, h.deadLetters());
            List<RecordedEmail> emails = h.emulator.recordedEmails();
            // moto's SMS records come only with its whole model dump, which times out at this size
            // while the campaign runs: the texts' start times come from the SDK calls in this JVM.
            List<CountingInterceptor.ProviderCall> calls = CountingInterceptor.providerCalls();
            long callsLate = calls.stream()
                    .filter(c -> c.startedAt().isAfter(paused.plus(PAUSE_BOUND)))
                    .count();
            long textsLate = calls.stream()
                    .filter(c -> c.service().equals("sns") && c.startedAt().isAfter(paused.plus(PAUSE_BOUND)))
                    .count();
            Instant lastCall = calls.stream()
                    .map(CountingInterceptor.ProviderCall::startedAt)
                    .max(Instant::compareTo)
                    .orElse(Instant.EPOCH);
            Instant lastEmail = emails.stream()
                    .map(RecordedEmail::at)
                    .max(Instant::compareTo)
                    .orElse(Instant.EPOCH);
            // The emulator keeps email times to the second (truncated): one more second of slack.
            long emailsLate = emails.stream()
                    .filter(e -> e.at().isAfter(paused.plus(PAUSE_BOUND).plusSeconds(1)))
                    .count();
            long emailsWithin = emails.stream()
                    .filter(e -> !e.at().isBefore(paused.minusSeconds(1))
                            && !e.at().isAfter(paused.plus(PAUSE_BOUND).plusSeconds(1)))
                    .count();
            long emailsAfterBound = emails.size() - emailsAtBound;
            CampaignProgress held = h.progress();

            exit = h.cli("campaign", "resume", h.campaignId, "--reason", "bench: resume");
            check(exit == 0, "resume refused: " + h.lastErr);
            Instant resumed = Instant.now();
            CampaignProgress end = h.awaitFinished(Duration.ofMinutes(60));
            Duration afterResume = Duration.between(resumed, Instant.now());

            Map<String, Integer> perAddress = h.notifiedPerAddress();
            long repeated = perAddress.values().stream().mapToLong(n -> n - 1).sum();
            long notified = perAddress.size();
            long failedDeliveries = end.deliveries().count(DeliveryStatus.FAILED);
            long lost = contacts - notified - failedDeliveries;
            int recount = h.cli("campaign", "recount", h.campaignId);
            String recountLine =
                    lastLine(h.lastOut) + (h.lastErr.isBlank() ? "" : " (stderr: " + lastLine(h.lastErr) + ")");

            row(
                    "pause: provider calls starting > 10 s after pause returned",
                    String.format(
                            Locale.ROOT,
                            "%d emails recorded by the emulator after pause+10 s (%d stamped later than it); %d"
                                    + " provider calls (%d SNS publishes) started after it; last call started %d ms"
                                    + " after the pause returned; last email stamped %s s after it; %d emails stamped"
                                    + " within 10 s of it (jobs already past the gate); %d terminal at the pause",
                            emailsAfterBound,
                            emailsLate,
                            callsLate,
                            textsLate,
                            Duration.between(paused, lastCall).toMillis(),
                            lastEmail.isBefore(paused)
                                    ? "<0"
                                    : Long.toString(
                                            Duration.between(paused, lastEmail).toSeconds()),
                            emailsWithin,
                            terminal(before)),
                    "0",
                    emailsAfterBound == 0 && emailsLate == 0 && callsLate == 0);
            row(
                    "pause: notice dead-letter queue over the pause",
                    String.format(
                            Locale.ROOT,
                            "max %d messages over %d min; held: %s",
                            deadLetters,
                            pauseFor.toMinutes(),
                            summary(held)),
                    "0",
                    deadLetters == 0);
            row(
                    "pause: lost / repeated after resume",
                    String.format(
                            Locale.ROOT,
                            "lost %d, repeated %d (%,d notified once of %,d, %d failed; texts from %s); finished %s s"
                                    + " after resume; %s",
                            lost,
                            repeated,
                            notified,
                            contacts,
                            failedDeliveries,
                            h.smsSource,
                            afterResume.toSeconds(),
                            summary(end)),
                    "lost 0, repeated 0",
                    lost == 0 && repeated == 0 && end.finished());
            row("pause: counters vs recount", recountLine, "agree (exit 0)", recount == 0);
        }
    }

    // ---------------------------------------------------------------- cancel

    static void cancel(int contacts, SendRates rates, int senders) throws Exception {
        OUT.printf(
                "cancel: %,d contacts, email %d/s, SMS %d/s, %d senders%n",
                contacts, rates.emailPerSecond(), rates.smsPerSecond(), senders);
        try (Harness h = Harness.start("cancel", contacts, senders)) {
            h.launch(rates);
            h.awaitTerminal(contacts / 3, Duration.ofMinutes(30));
            int exit = h.cli("campaign", "cancel", h.campaignId, "--reason", "bench: cancel at a third");
            check(exit == 0, "cancel refused: " + h.lastErr);
            Instant cancelled = Instant.now();
            CampaignProgress end = h.awaitSettled(Duration.ofMinutes(30));
            Duration took = Duration.between(cancelled, Instant.now());
            List<RecordedEmail> emails = h.emulator.recordedEmails();
            long emailsWithin = emails.stream()
                    .filter(e -> !e.at().isBefore(cancelled.minusSeconds(1))
                            && !e.at().isAfter(cancelled.plus(PAUSE_BOUND).plusSeconds(1)))
                    .count();
            long emailsLate = emails.stream()
                    .filter(e -> e.at().isAfter(cancelled.plus(PAUSE_BOUND).plusSeconds(1)))
                    .count();
            // The emulator stamps an email when it processes the call; the SDK's own start of each
            // provider call (as the pause row reads it) says whether a sender started one late.
            List<CountingInterceptor.ProviderCall> calls = CountingInterceptor.providerCalls();
            long callsLate = calls.stream()
                    .filter(c -> c.startedAt().isAfter(cancelled.plus(PAUSE_BOUND)))
                    .count();
            long lastCallMillis = calls.stream()
                    .map(CountingInterceptor.ProviderCall::startedAt)
                    .max(Instant::compareTo)
                    .map(last -> Duration.between(cancelled, last).toMillis())
                    .orElse(Long.MIN_VALUE);
            Map<DeliveryStatus, Long> records = h.recordedStatuses();
            long notSentNotCancelled = records.entrySet().stream()
                    .filter(e -> e.getKey() != DeliveryStatus.CANCELLED
                            && e.getKey() != DeliveryStatus.SENT
                            && e.getKey() != DeliveryStatus.FAILED)
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            long recorded = records.values().stream().mapToLong(Long::longValue).sum();
            long sentByProvider = h.emulator.recordedEmails().size() + h.texts().size();
            boolean addUp = true;
            StringBuilder perChannel = new StringBuilder();
            for (Channel channel : Channel.values()) {
                ChannelCounts c = end.channel(channel);
                addUp &= c.terminal() == c.planned();
                perChannel.append(String.format(
                        Locale.ROOT,
                        "%s planned %d = sent %d + failed %d + cancelled %d; ",
                        channel.code(),
                        c.planned(),
                        c.count(DeliveryStatus.SENT),
                        c.count(DeliveryStatus.FAILED),
                        c.count(DeliveryStatus.CANCELLED)));
            }
            int recount = h.cli("campaign", "recount", h.campaignId);
            String recountLine =
                    lastLine(h.lastOut) + (h.lastErr.isBlank() ? "" : " (stderr: " + lastLine(h.lastErr) + ")");
            row(
                    "cancel: every unsent delivery ends cancelled",
                    String.format(
                            Locale.ROOT,
                            "records %s (%,d of %,d contacts); %,d sent by the provider; settled %d s after cancel;"
                                    + " state %s",
                            records,
                            recorded,
                            contacts,
                            sentByProvider,
                            took.toSeconds(),
                            end.state().code()),
                    "records = contacts; none sending; sent = provider's",
                    recorded == contacts
                            && notSentNotCancelled == 0
                            && records.getOrDefault(DeliveryStatus.SENT, 0L) == sentByProvider);
            row(
                    "cancel: provider calls starting > 10 s after cancel returned",
                    String.format(
                            Locale.ROOT,
                            "%d provider calls started after it; the last started %d ms after cancel returned;"
                                    + " emails stamped by the emulator: %d within 10 s of it (jobs already past"
                                    + " the gate), %d later",
                            callsLate,
                            lastCallMillis,
                            emailsWithin,
                            emailsLate),
                    "0",
                    callsLate == 0);
            row("cancel: counters add up to planned", perChannel.toString().strip(), "per channel", addUp);
            row("cancel: counters vs recount", recountLine, "agree (exit 0)", recount == 0);
        }
    }

    // ---------------------------------------------------------------- status requests

    static void statusRequests(int small, int large, SendRates rates, int senders) throws Exception {
        OUT.printf("status-requests: campaigns of %,d and %,d contacts%n", small, large);
        for (int contacts : List.of(small, large)) {
            try (Harness h = Harness.start("status-" + contacts, contacts, senders)) {
                h.launch(rates);
                CampaignProgress end = h.awaitFinished(Duration.ofMinutes(90));
                h.cli("campaign", "status", h.campaignId); // warm: classes loaded, clients built
                int runs = 20;
                long[] nanos = new long[runs];
                Map<String, Long> calls = Map.of();
                for (int i = 0; i < runs; i++) {
                    CountingInterceptor.countThisThread();
                    long started = System.nanoTime();
                    int exit = h.cli("campaign", "status", h.campaignId);
                    nanos[i] = System.nanoTime() - started;
                    calls = CountingInterceptor.stop();
                    check(exit == 0, "status failed: " + h.lastErr);
                }
                java.util.Arrays.sort(nanos);
                long requests =
                        calls.values().stream().mapToLong(Long::longValue).sum();
                row(
                        String.format(Locale.ROOT, "status-requests: %,d contacts", contacts),
                        String.format(
                                Locale.ROOT,
                                "%d requests %s; median %.1f ms, max %.1f ms over %d runs (each a new CLI run: AWS"
                                        + " clients built, stack outputs read); %s",
                                requests,
                                calls,
                                nanos[runs / 2] / 1e6,
                                nanos[runs - 1] / 1e6,
                                runs,
                                summary(end)),
                        "<= 5 requests",
                        requests <= 5 && end.finished());
            }
        }
    }

    // ---------------------------------------------------------------- harness

    /** A stack on the emulator, seeded contacts, the planner and sender running, and the operator CLI. */
    static final class Harness implements AutoCloseable {
        final LocalEmulator emulator;
        final ProvisionedStack stack;
        final AwsClients aws;
        final LocalRuntime runtime;
        final String campaignId = "steer-" + UUID.randomUUID().toString().substring(0, 6);
        final CampaignService campaigns;
        final Path outputs;
        String lastOut = "";
        String lastErr = "";

        private Harness(LocalEmulator emulator, ProvisionedStack stack, AwsClients aws, LocalRuntime runtime)
                throws Exception {
            this.emulator = emulator;
            this.stack = stack;
            this.aws = aws;
            this.runtime = runtime;
            String campaignTable = stack.physicalId("CampaignTable");
            DynamoDbCampaignStore store = new DynamoDbCampaignStore(aws.dynamoDb(), campaignTable);
            this.campaigns = new CampaignService(
                    store,
                    new SesEmailTemplates(aws.ses()),
                    new SqsPlanQueue(aws.sqs(), stack.physicalId("PlanQueue")),
                    new DynamoDbPlanLedger(aws.dynamoDb(), campaignTable),
                    new DynamoDbCampaignCounters(aws.dynamoDb(), campaignTable),
                    store,
                    new LifecycleService(store, Clock.systemUTC()));
            this.outputs = Files.createTempFile("bench-campaigns-outputs", ".json");
            Files.writeString(outputs, Json.line(new LinkedHashMap<>(stack.outputs())));
        }

        static Harness start(String name, int contacts, int senders) throws Exception {
            LocalEmulator emulator = LocalEmulator.shared();
            emulator.reset();
            emulator.applyToSystemProperties();
            ProvisionedStack stack = ResourceProvisioner.forEmulator(emulator)
                    .provision(
                            "bench-" + name + "-" + UUID.randomUUID().toString().substring(0, 6));
            AwsClients aws = new AwsClients();
            int phones = contacts / 10;
            Instant seeding = Instant.now();
            seed(aws, stack, contacts - phones, phones);
            OUT.printf(
                    "  seeded %,d contacts (%,d phones) in %d s%n",
                    contacts, phones, Duration.between(seeding, Instant.now()).toSeconds());
            List<LocalFunction> functions = new ArrayList<>();
            for (LocalFunction function : TemplateFunctions.of(stack)) {
                if (function.logicalId().equals("PlanFunction")
                        || function.logicalId().equals("NoticeFunction")) {
                    functions.add(function);
                }
            }
            AwsTarget target = new AwsTarget(
                    emulator.endpoint(),
                    stack.region(),
                    TemplateFunctions.accountId(stack),
                    stack.stackName(),
                    "test",
                    "test",
                    emulator.environment());
            LocalRuntime runtime = LocalRuntime.create(
                            functions,
                            target,
                            LocalRuntimeOptions.defaults()
                                    .withConcurrency("NoticeFunction", senders)
                                    .withConcurrency("PlanFunction", 2))
                    .start();
            return new Harness(emulator, stack, aws, runtime);
        }

        void launch(SendRates rates) {
            Campaign campaign =
                    Fixtures.campaign(campaignId, ChannelPolicy.EMAIL_FIRST).withRates(rates);
            campaigns.launch(campaign, 4);
        }

        CampaignProgress progress() {
            return campaigns.progress(campaignId);
        }

        CampaignProgress awaitTerminal(long terminal, Duration timeout) throws InterruptedException {
            Instant deadline = Instant.now().plus(timeout);
            CampaignProgress progress = progress();
            while (terminal(progress) < terminal && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                progress = progress();
            }
            return progress;
        }

        CampaignProgress awaitFinished(Duration timeout) throws InterruptedException {
            Instant deadline = Instant.now().plus(timeout);
            CampaignProgress progress = progress();
            while (!progress.finished() && Instant.now().isBefore(deadline)) {
                Thread.sleep(1000);
                progress = progress();
            }
            return progress;
        }

        /** Planning complete and nothing pending (a cancelled campaign is never {@code done}, but settles). */
        CampaignProgress awaitSettled(Duration timeout) throws InterruptedException {
            return awaitFinished(timeout);
        }

        long deadLetters() {
            Map<QueueAttributeName, String> attributes = aws.sqs()
                    .getQueueAttributes(b -> b.queueUrl(stack.physicalId("NoticeDeadLetterQueue"))
                            .attributeNames(
                                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                    .attributes();
            return attributes.values().stream().mapToLong(Long::parseLong).sum();
        }

        /** Notices per address (email address or phone), from the emulator's records. */
        Map<String, Integer> notifiedPerAddress() {
            Map<String, Integer> per = new HashMap<>();
            emulator.recordedEmails().forEach(e -> e.to().forEach(to -> per.merge(to, 1, Integer::sum)));
            texts().forEach(phone -> per.merge(phone, 1, Integer::sum));
            return per;
        }

        /** Where the texts were counted from: moto's records, or (when its dump times out) the SDK calls. */
        String smsSource = "moto";

        /** The phone of every text sent: moto's records when its model dump answers in time. */
        List<String> texts() {
            try {
                List<String> phones = emulator.recordedSms().stream()
                        .map(RecordedSms::phoneNumber)
                        .toList();
                smsSource = "moto's SNS records";
                return phones;
            } catch (RuntimeException tooSlow) {
                smsSource = "SNS publishes answered in this JVM (moto's dump timed out)";
                return CountingInterceptor.texted();
            }
        }

        Map<DeliveryStatus, Long> recordedStatuses() {
            Map<DeliveryStatus, Long> statuses = new java.util.EnumMap<>(DeliveryStatus.class);
            new DynamoDbDeliveryCensus(aws.dynamoDb(), stack.physicalId("DeliveryTable"))
                    .count(campaignId)
                    .values()
                    .forEach(c -> c.byStatus().forEach((status, n) -> statuses.merge(status, n, Long::sum)));
            return statuses;
        }

        /** Runs one CLI command as an operator would, on this thread, against the stack's outputs. */
        int cli(String... args) {
            List<String> all = new ArrayList<>(List.of(args));
            all.add("--outputs");
            all.add(outputs.toString());
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = BreachNoticeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                    .execute(all.toArray(String[]::new));
            lastOut = out.toString();
            lastErr = err.toString();
            return exit;
        }

        @Override
        public void close() {
            runtime.close();
            aws.close();
        }
    }

    /**
     * Writes contacts as intake would have (sealed values under the stack's KMS key, keys under its
     * pepper), with BatchWriteItem: intake on the emulator is slow and not what is measured here.
     */
    static void seed(AwsClients aws, ProvisionedStack stack, int emails, int phones) {
        Map<String, String> env = stack.functionEnvironment("NoticeFunction");
        ContactKeyer keyer = new ContactKeyer(
                new SecretsManagerPepperSource(aws.secretsManager(), env.getOrDefault("PEPPER_SECRET_ID", ""))
                        .pepper());
        ContactCipher cipher =
                new ContactCipher(new KmsDataKeyProvider(aws.kms(), env.getOrDefault("CONTACT_KEY_ID", "")));
        String table = stack.physicalId("ContactTable");
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < emails + phones; i++) {
            boolean phone = i >= emails;
            Contact contact = phone
                    ? Contact.phone(String.format(Locale.ROOT, "+82100%07d", i), true)
                    : Contact.email("steer" + i + "@example.com");
            ContactKey key = keyer.keyOf(contact);
            Sealed value = cipher.seal(contact.value(), key.value());
            Sealed name = cipher.seal("고객" + i, key.value());
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("contactKey", AttributeValue.fromS(key.value()));
            item.put("kind", AttributeValue.fromS(phone ? "phone" : "email"));
            item.put("items", AttributeValue.fromSs(List.of("name", phone ? "phone" : "email", "order_history")));
            item.put("customerIds", AttributeValue.fromSs(List.of("c" + i)));
            item.put("locale", AttributeValue.fromS(i % 3 == 0 ? "en" : "ko"));
            item.put("valueCipher", AttributeValue.fromS(value.ciphertext()));
            item.put("dataKey", AttributeValue.fromS(value.wrappedKey()));
            item.put("nameCipher", AttributeValue.fromS(name.ciphertext()));
            item.put("nameDataKey", AttributeValue.fromS(name.wrappedKey()));
            item.put("smsCapable", AttributeValue.fromBool(phone));
            item.put("ownerWithoutEmail", AttributeValue.fromBool(phone));
            batch.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item).build())
                    .build());
            if (batch.size() == 25 || i == emails + phones - 1) {
                Map<String, List<WriteRequest>> request = Map.of(table, List.copyOf(batch));
                while (!request.isEmpty()) {
                    Map<String, List<WriteRequest>> asked = request;
                    BatchWriteItemResponse response = aws.dynamoDb().batchWriteItem(b -> b.requestItems(asked));
                    request = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                }
                batch.clear();
            }
        }
    }

    // ---------------------------------------------------------------- output

    private static long terminal(CampaignProgress progress) {
        return progress.deliveries().terminal();
    }

    private static String summary(CampaignProgress p) {
        return String.format(
                Locale.ROOT,
                "state %s, planned %d, sent %d, failed %d, cancelled %d, pending %d",
                p.state().code(),
                p.plan().plannedDeliveries(),
                p.deliveries().count(DeliveryStatus.SENT),
                p.deliveries().count(DeliveryStatus.FAILED),
                p.deliveries().count(DeliveryStatus.CANCELLED),
                p.pending());
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static void row(String what, String measured, String bound, boolean ok) {
        ROWS.add(new String[] {what, measured, bound, ok ? "ok" : "FAIL"});
        if (!ok) {
            failed = true;
        }
        OUT.println("  " + what + ": " + measured + " [" + (ok ? "ok" : "FAIL") + "]");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    private static void print() {
        OUT.println();
        OUT.println("| measure | measured | bound | |");
        OUT.println("| --- | --- | --- | --- |");
        for (String[] row : ROWS) {
            OUT.println("| " + String.join(" | ", row) + " |");
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static void sleepUntil(Instant at) throws InterruptedException {
        Duration wait = Duration.between(Instant.now(), at);
        if (!wait.isNegative() && !wait.isZero()) {
            Thread.sleep(wait);
        }
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private CampaignsBench() {}
}
