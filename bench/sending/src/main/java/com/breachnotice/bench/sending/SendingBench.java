package com.breachnotice.bench.sending;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.dynamodb.DynamoDbCampaignCounters;
import com.breachnotice.aws.dynamodb.DynamoDbCampaignStore;
import com.breachnotice.aws.dynamodb.DynamoDbPlanLedger;
import com.breachnotice.aws.dynamodb.DynamoDbSendGovernor;
import com.breachnotice.aws.kms.KmsDataKeyProvider;
import com.breachnotice.aws.secrets.SecretsManagerPepperSource;
import com.breachnotice.aws.ses.SesEmailTemplates;
import com.breachnotice.aws.sqs.SqsPlanQueue;
import com.breachnotice.aws.sqs.SqsRedrive;
import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.campaign.LifecycleService;
import com.breachnotice.core.campaign.SendRates;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.planning.CampaignProgress;
import com.breachnotice.core.planning.CampaignService;
import com.breachnotice.core.planning.NoticeJob;
import com.breachnotice.core.registry.StoredContact;
import com.breachnotice.core.sending.BulkEmail;
import com.breachnotice.core.sending.EmailSender;
import com.breachnotice.core.sending.LeaseTerms;
import com.breachnotice.core.sending.Pacer;
import com.breachnotice.core.sending.SendGovernor;
import com.breachnotice.core.sending.SendResult;
import com.breachnotice.core.sending.SenderService;
import com.breachnotice.core.testing.FakeDataKeyProvider;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.core.testing.InMemoryCampaignStore;
import com.breachnotice.core.testing.InMemoryDeliveryLog;
import com.breachnotice.core.testing.InMemoryJobLedger;
import com.breachnotice.core.testing.InMemorySendGovernor;
import com.breachnotice.core.testing.InMemorySubjectRegistry;
import com.breachnotice.core.testing.SenderServiceBuilder;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The sending benchmarks of issue 4, one command, one table: single-instance throughput against a
 * fake SES answering after 100 ms, the rate test (8 senders, email_rate 500/s, the shared schedule
 * on the emulator's DynamoDB), requests per 1,000 email notices over a whole campaign on the local
 * emulator (counted by an SDK interceptor) with their cost, and the chaos run (throttling, server
 * errors, duplicate deliveries, crashes between send and record).
 *
 * <p>Usage: {@code SendingBench [all|throughput|rate|requests|chaos] [--chaos-contacts N]
 * [--chaos-crashes N] [--requests-contacts N]}; {@code --chaos-crashes 0} is the control run. Every address is synthetic ({@code @example.com}, {@code +82 10 0…});
 * all traffic goes to the emulator on 127.0.0.1 or stays in memory.
 */
public final class SendingBench {

    private static final PrintStream OUT = System.out;

    /** The sender's lease and the call deadline it fences against, as deployed (180 s; 20 s + 10 s). */
    private static final LeaseTerms LEASES = new LeaseTerms(Duration.ofMinutes(3), Duration.ofSeconds(30));

    private static final List<String[]> ROWS = new ArrayList<>();

    // List prices, us-east-1, on-demand: SES $0.10 per 1,000 emails; DynamoDB $0.625 per million
    // write request units and $0.125 per million read request units; SQS $0.40 per million requests.
    static final double SES_PER_MILLION_EMAILS = 100.0;
    static final double DYNAMODB_PER_MILLION_WRU = 0.625;
    static final double DYNAMODB_PER_MILLION_RRU = 0.125;
    static final double SQS_PER_MILLION_REQUESTS = 0.40;

    private SendingBench() {}

    public static void main(String[] args) throws Exception {
        String part = args.length > 0 && !args[0].startsWith("--") ? args[0] : "all";
        int chaosContacts = intOption(args, "--chaos-contacts", 20_000);
        int requestContacts = intOption(args, "--requests-contacts", 5_000);
        int chaosCrashes = intOption(args, "--chaos-crashes", 20);
        if (part.equals("all") || part.equals("throughput")) {
            throughput();
        }
        if (part.equals("all") || part.equals("rate")) {
            rate();
        }
        if (part.equals("all") || part.equals("requests")) {
            requests(requestContacts);
        }
        if (part.equals("all") || part.equals("chaos")) {
            chaos(chaosContacts, chaosCrashes);
        }
        printTable();
        System.exit(0);
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static void row(String check, String measured, String target, boolean pass) {
        ROWS.add(new String[] {check, measured, target, pass ? "yes" : "NO"});
        OUT.printf("  %-52s %-60s %s%n", check, measured, pass ? "ok" : "MISSED " + target);
    }

    private static void printTable() {
        OUT.println();
        OUT.println("| check | measured | target | met |");
        OUT.println("| --- | --- | --- | --- |");
        for (String[] row : ROWS) {
            OUT.println("| " + String.join(" | ", row) + " |");
        }
    }

    // ---------------------------------------------------------------- throughput

    /**
     * One sender instance: one invocation at a time, each a batch of 10 jobs of 50 (what the event
     * source hands one Lambda instance), the jobs sent concurrently. SES answers each bulk call after
     * 100 ms; the job ledger, records and contact reads are in memory with 5 ms per call, about a
     * DynamoDB round trip in-region.
     */
    static void throughput() throws InterruptedException {
        OUT.println("throughput: one sender instance, fake SES answering after 100 ms");
        int jobsTotal = 1_000;
        ContactKeyer keyer = Fixtures.keyer();
        ContactCipher cipher = new ContactCipher(new FakeDataKeyProvider());
        InMemorySubjectRegistry registry = new InMemorySubjectRegistry();
        InMemoryCampaignStore campaigns = new InMemoryCampaignStore();
        Campaign campaign =
                Fixtures.campaign("throughput", ChannelPolicy.EMAIL_ONLY).withRates(new SendRates(100_000, 100));
        campaigns.create(campaign);
        List<NoticeJob> jobs = new ArrayList<>();
        List<ContactKey> keys = new ArrayList<>();
        for (int i = 0; i < jobsTotal * 50; i++) {
            Contact contact = Contact.email("t" + i + "@example.com");
            StoredContact stored =
                    Fixtures.stored(keyer, cipher, contact, "", NoticeLocale.EN, Set.of(ItemKind.EMAIL), false);
            registry.put(stored, "c" + i);
            keys.add(stored.key());
            if (keys.size() == 50) {
                jobs.add(new NoticeJob(
                        "throughput", com.breachnotice.core.campaign.Channel.EMAIL, NoticeLocale.EN, keys));
                keys = new ArrayList<>();
            }
        }
        SlowSes ses = new SlowSes(Duration.ofMillis(100));
        Latency latency = new Latency(Duration.ofMillis(5));
        InMemoryJobLedger ledger = new InMemoryJobLedger();
        InMemoryDeliveryLog log = new InMemoryDeliveryLog();
        SenderService sender = new SenderServiceBuilder()
                .campaigns(campaigns)
                .contacts(latency.contacts(registry))
                .jobs(latency.jobs(ledger))
                .records(latency.records(log))
                .claims(log)
                .cipher(cipher)
                .keyer(keyer)
                .email(ses)
                .governor(latency.governor(new InMemorySendGovernor()))
                .pacer(Pacer.sleeping(Clock.systemUTC()))
                .clock(Clock.systemUTC())
                .leases(LEASES)
                .build();
        // Warm up the JIT on 20 jobs, then measure.
        sender.sendAll(jobs.subList(0, 10));
        sender.sendAll(jobs.subList(10, 20));
        long sentBefore = ses.recipients.get();
        long start = System.nanoTime();
        for (int from = 20; from < jobs.size(); from += 10) {
            sender.sendAll(jobs.subList(from, Math.min(jobs.size(), from + 10)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long sent = ses.recipients.get() - sentBefore;
        double perSecond = sent / seconds;
        long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        long maxHeapMb = Runtime.getRuntime().maxMemory() >> 20;
        row(
                "single instance, email notices/s (SES 100 ms/call)",
                String.format(
                        Locale.ROOT,
                        "%,.0f/s (%,d emails in %.1f s; heap max %d MB, in use %d MB)",
                        perSecond,
                        sent,
                        seconds,
                        maxHeapMb,
                        heapMb),
                ">= 2,000/s, <= 512 MB heap",
                perSecond >= 2_000 && maxHeapMb <= 512);
    }

    /** A fake SES answering every bulk call after a fixed latency. */
    static final class SlowSes implements EmailSender {
        final AtomicLong recipients = new AtomicLong();
        final AtomicLong ids = new AtomicLong();
        final Duration latency;

        SlowSes(Duration latency) {
            this.latency = latency;
        }

        @Override
        public List<SendResult> sendBulk(String templateName, List<BulkEmail> emails) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            recipients.addAndGet(emails.size());
            List<SendResult> results = new ArrayList<>(emails.size());
            for (int i = 0; i < emails.size(); i++) {
                results.add(new SendResult.Accepted("fake-" + ids.incrementAndGet()));
            }
            return results;
        }

        @Override
        public SendResult send(String to, String subject, String text) {
            return new SendResult.Accepted("fake-" + ids.incrementAndGet());
        }
    }

    // ---------------------------------------------------------------- rate

    /**
     * Eight senders, each its own {@link SenderService} as eight Lambda instances would be, sharing
     * only the campaign's send schedule (DynamoDB on the emulator), at email_rate 500/s. A recording
     * fake SES stamps each bulk call when it arrives and answers after 20 ms.
     */
    static void rate() throws Exception {
        OUT.println("rate: 8 senders, email_rate 500/s, shared schedule on the emulator's DynamoDB");
        LocalEmulator emulator = LocalEmulator.shared();
        emulator.applyToSystemProperties();
        ProvisionedStack stack = ResourceProvisioner.forEmulator(emulator).provision("bench-rate-" + suffix());
        try (AwsClients aws = new AwsClients()) {
            SendGovernor shared = new DynamoDbSendGovernor(aws.dynamoDb(), stack.physicalId("CampaignTable"));
            SendGovernor governor = (campaign, channel, units, perSecond, now) -> {
                Instant start = shared.reserve(campaign, channel, units, perSecond, now);
                if (Boolean.getBoolean("bench.debug")) {
                    OUT.println("  reserve " + units + " at " + perSecond + "/s, now " + now + " -> " + start);
                }
                return start;
            };
            int rate = 500;
            int jobsTotal = 240;
            ContactKeyer keyer = Fixtures.keyer();
            ContactCipher cipher = new ContactCipher(new FakeDataKeyProvider());
            InMemorySubjectRegistry registry = new InMemorySubjectRegistry();
            InMemoryCampaignStore campaigns = new InMemoryCampaignStore();
            String campaignId = "rate-" + suffix();
            campaigns.create(
                    Fixtures.campaign(campaignId, ChannelPolicy.EMAIL_ONLY).withRates(new SendRates(rate, 10)));
            ConcurrentLinkedQueue<NoticeJob> queue = new ConcurrentLinkedQueue<>();
            List<ContactKey> keys = new ArrayList<>();
            for (int i = 0; i < jobsTotal * 50; i++) {
                StoredContact stored = Fixtures.stored(
                        keyer,
                        cipher,
                        Contact.email("r" + i + "@example.com"),
                        "",
                        NoticeLocale.KO,
                        Set.of(ItemKind.EMAIL),
                        false);
                registry.put(stored, "c" + i);
                keys.add(stored.key());
                if (keys.size() == 50) {
                    queue.add(new NoticeJob(
                            campaignId, com.breachnotice.core.campaign.Channel.EMAIL, NoticeLocale.KO, keys));
                    keys = new ArrayList<>();
                }
            }
            StampingSes ses = new StampingSes(Duration.ofMillis(20));
            InMemoryJobLedger ledger = new InMemoryJobLedger();
            InMemoryDeliveryLog log = new InMemoryDeliveryLog();
            try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
                List<Future<?>> running = new ArrayList<>();
                for (int s = 0; s < 8; s++) {
                    SenderService sender = new SenderServiceBuilder()
                            .campaigns(campaigns)
                            .contacts(registry)
                            .jobs(ledger)
                            .deliveries(log)
                            .cipher(cipher)
                            .keyer(keyer)
                            .email(ses)
                            .governor(governor)
                            .pacer(Pacer.sleeping(Clock.systemUTC()))
                            .clock(Clock.systemUTC())
                            .leases(LEASES)
                            .build();
                    running.add(senders.submit(() -> {
                        while (true) {
                            List<NoticeJob> batch = new ArrayList<>();
                            for (NoticeJob job = queue.poll();
                                    job != null;
                                    job = batch.size() < 9 ? queue.poll() : null) {
                                batch.add(job);
                            }
                            if (batch.isEmpty()) {
                                return null;
                            }
                            sender.sendAll(batch);
                        }
                    }));
                }
                for (Future<?> future : running) {
                    future.get();
                }
            }
            List<long[]> calls = new ArrayList<>(ses.calls);
            calls.sort((a, b) -> Long.compare(a[0], b[0]));
            long maxWindow = 0;
            long inWindow = 0;
            int head = 0;
            for (long[] call : calls) {
                inWindow += call[1];
                while (call[0] - calls.get(head)[0] >= 1_000_000_000L) {
                    inWindow -= calls.get(head)[1];
                    head++;
                }
                maxWindow = Math.max(maxWindow, inWindow);
            }
            long total = calls.stream().mapToLong(c -> c[1]).sum();
            if (Boolean.getBoolean("bench.debug")) {
                long first = calls.get(0)[0];
                StringBuilder trace = new StringBuilder();
                calls.forEach(c -> trace.append((c[0] - first) / 1_000_000)
                        .append(':')
                        .append(c[1])
                        .append(' '));
                OUT.println("  calls (ms:recipients): " + trace);
            }
            double span = (calls.get(calls.size() - 1)[0] - calls.get(0)[0]) / 1e9;
            // The last call's recipients are sent at the end of the span: the rate over the span
            // counts everything before it.
            double mean = (total - calls.get(calls.size() - 1)[1]) / span;
            row(
                    "rate test: most emails in any 1 s window",
                    String.format(
                            Locale.ROOT, "%d (8 senders, %,d emails, %d bulk calls)", maxWindow, total, calls.size()),
                    "<= 525",
                    maxWindow <= 525);
            row(
                    "rate test: mean rate while work remains",
                    String.format(Locale.ROOT, "%.1f/s over %.1f s", mean, span),
                    ">= 450/s",
                    mean >= 450);
        }
    }

    /** A fake SES that stamps each bulk call on arrival (nanoTime, recipients), then answers as {@link SlowSes}. */
    static final class StampingSes implements EmailSender {
        final List<long[]> calls = new CopyOnWriteArrayList<>();
        private final SlowSes answer;

        StampingSes(Duration latency) {
            this.answer = new SlowSes(latency);
        }

        @Override
        public List<SendResult> sendBulk(String templateName, List<BulkEmail> emails) {
            calls.add(new long[] {System.nanoTime(), emails.size()});
            if (Boolean.getBoolean("bench.debug") && calls.size() < 6) {
                OUT.println("  call at " + Instant.now() + " with " + emails.size() + " recipients");
            }
            return answer.sendBulk(templateName, emails);
        }

        @Override
        public SendResult send(String to, String subject, String text) {
            return answer.send(to, subject, text);
        }
    }

    // ---------------------------------------------------------------- requests per 1,000

    static void requests(int contacts) throws Exception {
        OUT.println("requests: a whole email campaign of " + contacts + " contacts on the local emulator");
        // Pollers long-poll for 20 s as Lambda's event source mapping does: idle receives are few.
        Harness harness = Harness.start(
                "req", contacts, 0, 0, 1, LocalRuntimeOptions.defaults().withPollWait(Duration.ofSeconds(20)));
        try {
            BenchInterceptor.startCounting();
            harness.launch(new SendRates(2_000, 100));
            CampaignProgress progress = harness.await(Duration.ofMinutes(10));
            BenchInterceptor.stopCounting();
            Map<String, Long> calls = BenchInterceptor.calls();
            Map<String, Long> items = BenchInterceptor.items();
            long emails = items.getOrDefault("SES:recipients", 0L);
            double per1000 = 1000.0 / Math.max(1, emails);
            long ses = sum(calls, "SesV2:");
            long sqs = sum(calls, "Sqs:");
            long dynamoDb = sum(calls, "DynamoDb:");
            long other = calls.values().stream().mapToLong(Long::longValue).sum() - ses - sqs - dynamoDb;
            OUT.println("  calls: " + calls);
            OUT.println("  items: " + items);
            double total = (ses + sqs + dynamoDb) * per1000;
            row(
                    "requests per 1,000 email notices (whole campaign)",
                    String.format(
                            Locale.ROOT,
                            "%.1f: SES %.1f, SQS %.1f, DynamoDB %.1f (KMS/Secrets %d in all; %,d emails, finished=%s)",
                            total,
                            ses * per1000,
                            sqs * per1000,
                            dynamoDb * per1000,
                            other,
                            emails,
                            progress.finished()),
                    "<= 150",
                    total <= 150 && progress.finished());
            // DynamoDB units: a batch item is a unit; every other write or read about one unit.
            long batchWrites = calls.getOrDefault("DynamoDb:BatchWriteItem", 0L);
            long batchGets = calls.getOrDefault("DynamoDb:BatchGetItem", 0L);
            long writeUnits = items.getOrDefault("DynamoDB:write-items", 0L)
                    + calls.getOrDefault("DynamoDb:PutItem", 0L)
                    + calls.getOrDefault("DynamoDb:UpdateItem", 0L)
                    + calls.getOrDefault("DynamoDb:DeleteItem", 0L);
            // Reads: a consistent GetItem of a small item is 1 unit; a scan reads about 1 KB per
            // contact, 4 KB per unit, at half price (eventually consistent).
            long readUnits = calls.getOrDefault("DynamoDb:GetItem", 0L)
                    + items.getOrDefault("DynamoDB:read-items", 0L)
                    + items.getOrDefault("DynamoDB:scanned-items", 0L) / 8;
            double perMillion = 1_000_000.0 / Math.max(1, emails);
            double dynamoDbCost = (writeUnits * DYNAMODB_PER_MILLION_WRU + readUnits * DYNAMODB_PER_MILLION_RRU)
                    / 1_000_000
                    * perMillion;
            double sqsCost = sqs * SQS_PER_MILLION_REQUESTS / 1_000_000 * perMillion;
            row(
                    "AWS cost per million notices besides the SES fee",
                    String.format(
                            Locale.ROOT,
                            "DynamoDB $%.2f (~%.0f WRU + %.0f RRU per 1,000) + SQS $%.3f = $%.2f vs SES fee $%.2f",
                            dynamoDbCost,
                            writeUnits * per1000,
                            readUnits * per1000,
                            sqsCost,
                            dynamoDbCost + sqsCost,
                            SES_PER_MILLION_EMAILS),
                    "small next to SES",
                    dynamoDbCost + sqsCost < SES_PER_MILLION_EMAILS / 10);
        } finally {
            harness.close();
        }
    }

    private static long sum(Map<String, Long> calls, String prefix) {
        return calls.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    // ---------------------------------------------------------------- chaos

    /**
     * The chaos run's job lease: short, so crashed jobs come back in under a minute, yet longer than
     * a send call's deadline (the SDK's 20 s API call timeout plus {@link #CHAOS_CALL_MARGIN_SECONDS}),
     * which a holder's lease must outlast before it starts a call.
     */
    static final int CHAOS_LEASE_SECONDS = 40;

    static final int CHAOS_CALL_MARGIN_SECONDS = 3;

    static void chaos(int contacts, int crashes) throws Exception {
        OUT.println("chaos: " + contacts + " contacts, 10% throttling, 5% server errors, 2% duplicate deliveries, "
                + crashes + " crashes; also 1% connection timeouts and 2% of bulk entries ACCOUNT_THROTTLED");
        int phones = contacts / 10;
        Harness harness = Harness.start(
                "chaos",
                contacts - phones,
                phones,
                CHAOS_LEASE_SECONDS,
                4,
                LocalRuntimeOptions.defaults().withDuplicateDeliveries(0.02));
        try {
            // Each crash hits a job's record write: spread them over the first half of the jobs.
            double crashShare = Math.min(1.0, crashes * 4.0 / Math.max(1, contacts / 50));
            BenchInterceptor.inject(
                    new BenchInterceptor.Faults(0.10, 0.05, 0.02, crashes, crashShare, 0.01, 0.02),
                    harness.stack.physicalId("DeliveryTable"));
            Instant started = Instant.now();
            harness.launch(new SendRates(2_000, 500));
            // Jobs that failed five receives wait in the dead-letter queue: drain them back every
            // minute, as an operator would with `campaign redrive`.
            CampaignProgress progress = harness.await(Duration.ofMinutes(1));
            int redriven = 0;
            for (int round = 0; round < 30 && !progress.finished(); round++) {
                redriven += harness.redrive();
                progress = harness.await(Duration.ofMinutes(1));
            }
            Duration took = Duration.between(started, Instant.now());
            long injectedCrashes = BenchInterceptor.crashes();
            long throttles = BenchInterceptor.throttles();
            long serverErrors = BenchInterceptor.serverErrors();
            long dynamoDbErrors = BenchInterceptor.dynamoDbErrors();
            long timeouts = BenchInterceptor.timeouts();
            long entryThrottles = BenchInterceptor.entryThrottles();
            long repeatedSends = BenchInterceptor.repeatedSends();
            List<BenchInterceptor.RepeatedSend> repeats = BenchInterceptor.repeatedSendsWithCause();
            long byCrash = repeats.stream()
                    .filter(r -> r.cause() == BenchInterceptor.RepeatCause.CRASH)
                    .count();
            long byLeaseExpiry = repeats.stream()
                    .filter(r -> r.cause() == BenchInterceptor.RepeatCause.LEASE_EXPIRY)
                    .count();
            long byOther = repeats.stream()
                    .filter(r -> r.cause() == BenchInterceptor.RepeatCause.OTHER)
                    .count();
            int mostToOne = BenchInterceptor.mostNoticesToOneAddress();
            long repeatedNotices = BenchInterceptor.repeatedNotices();
            BenchInterceptor.inject(BenchInterceptor.Faults.NONE, "");
            Map<String, Long> byStatus = harness.deliveryStatuses();
            long recorded =
                    byStatus.values().stream().mapToLong(Long::longValue).sum();
            long sending = byStatus.getOrDefault("sending", 0L);
            long lost = contacts - recorded;
            Map<String, Integer> emailsTo = new HashMap<>();
            for (RecordedEmail email : harness.emulator.recordedEmails()) {
                email.to().forEach(to -> emailsTo.merge(to, 1, Integer::sum));
            }
            Map<String, Integer> smsTo = new HashMap<>();
            for (RecordedSms sms : harness.emulator.recordedSms()) {
                smsTo.merge(sms.phoneNumber(), 1, Integer::sum);
            }
            long duplicateNotices =
                    emailsTo.values().stream().mapToLong(n -> n - 1).sum()
                            + smsTo.values().stream().mapToLong(n -> n - 1).sum();
            long contactsTwice = emailsTo.values().stream().filter(n -> n > 1).count()
                    + smsTo.values().stream().filter(n -> n > 1).count();
            OUT.println("  statuses: " + byStatus + ", redriven " + redriven + ", took " + took.toSeconds() + " s");
            for (int i = 0; i < repeats.size(); i++) {
                BenchInterceptor.RepeatedSend repeat = repeats.get(i);
                OUT.println(String.format(
                        Locale.ROOT,
                        "  repeated send %d: cause %s, %d addresses repeated, provider calls %s",
                        i + 1,
                        repeat.cause().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        repeat.addresses(),
                        repeat.calls()));
            }
            row(
                    "chaos: lost (contacts without a delivery record)",
                    String.format(
                            Locale.ROOT,
                            "%d of %,d (%,d email + %,d SMS contacts; %,d recorded, %s)",
                            lost,
                            contacts,
                            contacts - phones,
                            phones,
                            recorded,
                            byStatus),
                    "0",
                    lost == 0);
            row(
                    "chaos: every delivery terminal",
                    String.format(
                            Locale.ROOT,
                            "sending %d, campaign finished=%s, pending %d, %d s",
                            sending,
                            progress.finished(),
                            progress.pending(),
                            took.toSeconds()),
                    "all terminal",
                    sending == 0 && progress.finished());
            row(
                    "chaos: duplicate sends vs crashes injected",
                    String.format(
                            Locale.ROOT,
                            "%d sends repeated (by later calls), after %d crashes; at most %d notices to one address;"
                                    + " injected"
                                    + " %d throttles, %d 5xx, %d bulk entries ACCOUNT_THROTTLED, %d connection"
                                    + " timeouts, %d DynamoDB throughput errors; 2%% of messages delivered twice",
                            repeatedSends,
                            injectedCrashes,
                            mostToOne,
                            throttles,
                            serverErrors,
                            entryThrottles,
                            timeouts,
                            dynamoDbErrors),
                    "<= crashes (only a crash re-sends, once; a job crashed twice is sent three times)",
                    repeatedSends <= injectedCrashes && mostToOne <= 1 + injectedCrashes);
            row(
                    "chaos: repeated sends by cause",
                    String.format(
                            Locale.ROOT,
                            "crash %d, lease expiry %d, other %d (of %d repeated sends)",
                            byCrash,
                            byLeaseExpiry,
                            byOther,
                            repeats.size()),
                    "lease expiry 0, other 0",
                    byLeaseExpiry == 0 && byOther == 0);
            row(
                    "chaos: extra notices",
                    String.format(
                            Locale.ROOT,
                            "%d extra notices to %d contacts (the provider counted %d)",
                            duplicateNotices,
                            contactsTwice,
                            repeatedNotices),
                    "<= crashes x 50 (a crash re-sends the unrecorded part of its job of 50)",
                    duplicateNotices <= injectedCrashes * 50L);
        } finally {
            harness.close();
        }
    }

    // ---------------------------------------------------------------- harness

    /** A provisioned stack on the emulator, seeded contacts, and the planner and sender running. */
    static final class Harness implements AutoCloseable {
        final LocalEmulator emulator;
        final ProvisionedStack stack;
        final AwsClients aws;
        final LocalRuntime runtime;
        final String campaignId = "bench-" + suffix();
        final CampaignService campaigns;

        private Harness(LocalEmulator emulator, ProvisionedStack stack, AwsClients aws, LocalRuntime runtime) {
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
                    new LifecycleService(store, java.time.Clock.systemUTC()));
        }

        /**
         * @param leaseSeconds 0 keeps the function's lease; otherwise the job lease, and the notice
         *     queue's visibility timeout set just above it, so crashed jobs come back in seconds
         */
        /** The plan queue's visibility timeout in chaos runs. */
        static final int CHAOS_PLAN_VISIBILITY_SECONDS = 120;

        static Harness start(
                String name, int emails, int phones, int leaseSeconds, int senders, LocalRuntimeOptions options) {
            LocalEmulator emulator = LocalEmulator.shared();
            emulator.reset();
            emulator.applyToSystemProperties();
            ProvisionedStack stack =
                    ResourceProvisioner.forEmulator(emulator).provision("bench-" + name + "-" + suffix());
            AwsClients aws = new AwsClients();
            BenchInterceptor.uncounted(() -> {
                seed(aws, stack, emails, phones);
                if (leaseSeconds > 0) {
                    aws.sqs()
                            .setQueueAttributes(b -> b.queueUrl(stack.physicalId("NoticeQueue"))
                                    .attributes(Map.of(
                                            QueueAttributeName.VISIBILITY_TIMEOUT,
                                            Integer.toString(leaseSeconds + 3))));
                    // A plan page that fails under the faults (or a slow emulator) comes back within
                    // the run, not after the template's 30 minutes; plan pages are idempotent.
                    aws.sqs()
                            .setQueueAttributes(b -> b.queueUrl(stack.physicalId("PlanQueue"))
                                    .attributes(Map.of(
                                            QueueAttributeName.VISIBILITY_TIMEOUT,
                                            Integer.toString(CHAOS_PLAN_VISIBILITY_SECONDS))));
                }
                return null;
            });
            List<LocalFunction> functions = new ArrayList<>();
            for (LocalFunction function : TemplateFunctions.of(stack)) {
                if (function.logicalId().equals("PlanFunction")) {
                    functions.add(function);
                } else if (function.logicalId().equals("NoticeFunction")) {
                    Map<String, String> environment = new LinkedHashMap<>(function.environment());
                    if (leaseSeconds > 0) {
                        environment.put("NOTICE_LEASE_SECONDS", Integer.toString(leaseSeconds));
                        environment.put("NOTICE_CALL_MARGIN_SECONDS", Integer.toString(CHAOS_CALL_MARGIN_SECONDS));
                    }
                    functions.add(new LocalFunction(
                            function.logicalId(),
                            function.functionName(),
                            function.handler(),
                            function.timeout(),
                            function.memoryMb(),
                            environment,
                            function.eventSources()));
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
                            options.withConcurrency("NoticeFunction", senders).withConcurrency("PlanFunction", 2))
                    .start();
            return new Harness(emulator, stack, aws, runtime);
        }

        void launch(SendRates rates) {
            Campaign campaign =
                    Fixtures.campaign(campaignId, ChannelPolicy.EMAIL_FIRST).withRates(rates);
            campaigns.launch(campaign, 4);
        }

        CampaignProgress await(Duration timeout) throws InterruptedException {
            Instant deadline = Instant.now().plus(timeout);
            CampaignProgress progress = BenchInterceptor.uncounted(() -> campaigns.progress(campaignId));
            while (!progress.finished() && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                progress = BenchInterceptor.uncounted(() -> campaigns.progress(campaignId));
            }
            return progress;
        }

        int redrive() {
            return BenchInterceptor.uncounted(() -> {
                SqsRedrive redrive = new SqsRedrive(aws.sqs());
                return redrive.drain(
                                        stack.physicalId("NoticeDeadLetterQueue"),
                                        stack.physicalId("NoticeQueue"),
                                        body -> true,
                                        1_000_000)
                                .moved()
                        + redrive.drain(
                                        stack.physicalId("PlanDeadLetterQueue"),
                                        stack.physicalId("PlanQueue"),
                                        body -> true,
                                        1_000_000)
                                .moved();
            });
        }

        Map<String, Long> deliveryStatuses() {
            return BenchInterceptor.uncounted(() -> {
                Map<String, Long> counts = new java.util.TreeMap<>();
                aws.dynamoDb()
                        .scanPaginator(b -> b.tableName(stack.physicalId("DeliveryTable"))
                                .filterExpression("campaignId = :c")
                                .projectionExpression("#s")
                                .expressionAttributeNames(Map.of("#s", "status"))
                                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(campaignId))))
                        .items()
                        .forEach(item -> counts.merge(
                                item.getOrDefault("status", AttributeValue.fromS("none"))
                                        .s(),
                                1L,
                                Long::sum));
                return counts;
            });
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
                    : Contact.email("bench" + i + "@example.com");
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

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    /** Adds a fixed latency to every call of the in-memory ports, about a DynamoDB round trip. */
    static final class Latency {
        private final Duration delay;

        Latency(Duration delay) {
            this.delay = delay;
        }

        private void pause() {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        com.breachnotice.core.registry.ContactBook contacts(com.breachnotice.core.registry.ContactBook inner) {
            return keys -> {
                pause();
                return inner.find(keys);
            };
        }

        com.breachnotice.core.delivery.JobLedger jobs(InMemoryJobLedger inner) {
            return new com.breachnotice.core.delivery.JobLedger() {
                @Override
                public com.breachnotice.core.delivery.JobClaim claim(
                        com.breachnotice.core.delivery.JobKey job, int deliveries, Instant now, Instant leaseUntil) {
                    pause();
                    return inner.claim(job, deliveries, now, leaseUntil);
                }

                @Override
                public boolean complete(
                        com.breachnotice.core.delivery.JobKey job,
                        String token,
                        com.breachnotice.core.delivery.JobTally tally,
                        Instant at) {
                    pause();
                    return inner.complete(job, token, tally, at);
                }

                @Override
                public void release(com.breachnotice.core.delivery.JobKey job, String token) {
                    pause();
                    inner.release(job, token);
                }

                @Override
                public void recordDone(
                        com.breachnotice.core.delivery.JobKey job,
                        com.breachnotice.core.delivery.JobTally tally,
                        Instant at) {
                    pause();
                    inner.recordDone(job, tally, at);
                }

                @Override
                public com.breachnotice.core.delivery.DeliveryCounts count(String campaignId) {
                    return inner.count(campaignId);
                }
            };
        }

        com.breachnotice.core.delivery.DeliveryRecorder records(InMemoryDeliveryLog inner) {
            return new com.breachnotice.core.delivery.DeliveryRecorder() {
                @Override
                public void record(List<com.breachnotice.core.delivery.DeliveryRecord> records) {
                    // Two batch writes of 25.
                    pause();
                    pause();
                    inner.record(records);
                }

                @Override
                public Map<com.breachnotice.core.delivery.DeliveryId, com.breachnotice.core.delivery.DeliveryStatus>
                        recorded(List<com.breachnotice.core.delivery.DeliveryId> ids) {
                    pause();
                    return inner.recorded(ids);
                }

                @Override
                public boolean recordUnreachable(
                        com.breachnotice.core.delivery.DeliveryId id, String reason, Instant at) {
                    pause();
                    return inner.recordUnreachable(id, reason, at);
                }
            };
        }

        SendGovernor governor(SendGovernor inner) {
            return (campaignId, channel, units, perSecond, now) -> {
                pause();
                return inner.reserve(campaignId, channel, units, perSecond, now);
            };
        }
    }
}
