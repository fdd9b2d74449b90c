package com.breachnotice.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.contact.ContactNormalizer;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.ManifestReader;
import com.breachnotice.core.manifest.ManifestSummary;
import com.breachnotice.core.manifest.RejectReason;
import com.breachnotice.core.manifest.Rejection;
import com.breachnotice.core.registry.SubjectRole;
import com.breachnotice.core.testing.FakeDataKeyProvider;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.core.testing.InMemoryIntakeLedger;
import com.breachnotice.core.testing.InMemoryManifestSource;
import com.breachnotice.core.testing.InMemorySubjectRegistry;
import com.breachnotice.core.testing.MutableClock;
import com.breachnotice.core.testing.RecordingIngestQueue;
import com.breachnotice.core.testing.RecordingRejectsReport;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntakeServiceTest {

    private static final String BUCKET = "manifest-bucket";
    private static final String KEY = "manifests/incident.csv";
    private static final List<String> SECRETS = List.of(
            "kim.minji@example.com",
            "Kim.Minji",
            "minji",
            "+821012345678",
            "01012345678",
            "1234-5678",
            "1234",
            "김민지",
            "lee.jun@example.com",
            "이준",
            "+821098765432");
    private static final String MANIFEST = "customer_id,name,email,phone,locale,affected\n"
            + "c1,김민지,Kim.Minji@Example.com,010-1234-5678,ko,name;email;phone\n"
            + "c2,이준,lee.jun@example.com,,en,address_book\n"
            + "c3,,,010-9876-5432,,order_history\n"
            + "c4,,,,,name\n"
            + "=cmd,,bad-email,,,name\n";

    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private final ContactKeyer keyer = Fixtures.keyer();
    private final FakeDataKeyProvider keys = new FakeDataKeyProvider();
    private final InMemoryManifestSource source = new InMemoryManifestSource();
    private final InMemorySubjectRegistry registry = new InMemorySubjectRegistry();
    private final InMemoryIntakeLedger ledger = new InMemoryIntakeLedger();
    private final RecordingRejectsReport rejects = new RecordingRejectsReport();
    private final RecordingIngestQueue queue = new RecordingIngestQueue();

    private IntakeService service() {
        return service(IntakeService.DEFAULT_RANGE_BYTES);
    }

    private IntakeService service(long rangeBytes) {
        return new IntakeService(
                new ManifestReader(ContactNormalizer.korea()),
                keyer,
                new ContactCipher(keys),
                source,
                registry,
                ledger,
                rejects,
                queue,
                clock,
                rangeBytes);
    }

    private IngestTask upload(String content) throws IOException {
        List<IngestTask> tasks = upload(content, IntakeService.DEFAULT_RANGE_BYTES);
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private List<IngestTask> upload(String content, long rangeBytes) throws IOException {
        source.put(BUCKET, KEY, content);
        ManifestUpload upload = new ManifestUpload(BUCKET, KEY, source.size(BUCKET, KEY), "etag1");
        int before = queue.all().size();
        service(rangeBytes).accept(upload);
        return queue.all().subList(before, queue.all().size());
    }

    @Test
    void accept_upload_openedAndOneRangeAfterTheHeaderEnqueued() throws IOException {
        IngestTask task = upload(MANIFEST);

        int headerBytes = "customer_id,name,email,phone,locale,affected\n".length();
        assertThat(task)
                .isEqualTo(new IngestTask(
                        KEY + "#etag1",
                        BUCKET,
                        KEY,
                        headerBytes,
                        MANIFEST.getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                        2,
                        0,
                        1,
                        "customer_id,name,email,phone,locale,affected"));
        assertThat(ledger.find(KEY + "#etag1").orElseThrow().state()).isEqualTo(IntakeStatus.State.LOADING);
    }

    @Test
    void ingest_rows_subjectsAndContactsRegisteredWithMergedFlags() throws IOException {
        IntakeService.Outcome outcome = service().ingest(upload(MANIFEST));

        assertThat(outcome).isInstanceOf(IntakeService.Outcome.Loaded.class);
        assertThat(registry.subjects()).containsOnlyKeys("c1", "c2", "c3");
        assertThat(registry.contacts()).hasSize(4);
        var phoneOfC1 = registry.contacts().get(keyer.keyOf(Fixtures.phone("010-1234-5678")));
        assertThat(phoneOfC1.ownerWithoutEmail()).isFalse();
        assertThat(phoneOfC1.smsCapable()).isTrue();
        var phoneOfC3 = registry.contacts().get(keyer.keyOf(Fixtures.phone("010-9876-5432")));
        assertThat(phoneOfC3.ownerWithoutEmail()).isTrue();
        assertThat(registry.subjects().get("c1").email())
                .contains(keyer.keyOf(Fixtures.email("kim.minji@example.com")));
        assertThat(keys.generateCalls()).isEqualTo(1);
    }

    @Test
    void ingest_rows_noRawContactOrNameInAnyRecord() throws IOException {
        service().ingest(upload(MANIFEST));

        List<String> strings = new ArrayList<>();
        registry.subjects().values().forEach(s -> collect(s, strings));
        registry.contacts().values().forEach(c -> collect(c, strings));
        assertThat(strings).isNotEmpty();
        for (String secret : SECRETS) {
            assertThat(strings)
                    .noneMatch(s ->
                            s.toLowerCase(java.util.Locale.ROOT).contains(secret.toLowerCase(java.util.Locale.ROOT)));
        }
    }

    @Test
    void ingest_rejectedRows_reportWrittenAndLedgerFinishedWithCounts() throws IOException {
        IntakeService.Outcome outcome = service().ingest(upload(MANIFEST));

        String rejectsKey = ((IntakeService.Outcome.Loaded) outcome)
                .manifest()
                .orElseThrow()
                .rejectsKey();
        assertThat(rejectsKey).isEqualTo("rejects/incident.csv.rejects.csv");
        RecordingRejectsReport.Report report = rejects.report(rejectsKey);
        assertThat(report.rejections())
                .containsExactly(
                        new Rejection(5, "c4", RejectReason.NO_CONTACT),
                        new Rejection(6, "=cmd", RejectReason.INVALID_EMAIL));
        assertThat(report.csv()).contains("6,\"'=cmd\",invalid_email").doesNotContain(",=cmd");
        IntakeStatus status = ledger.find(KEY + "#etag1").orElseThrow();
        assertThat(status)
                .isEqualTo(new IntakeStatus(
                        KEY + "#etag1",
                        IntakeStatus.State.LOADED,
                        5,
                        3,
                        2,
                        0,
                        Optional.of(rejectsKey),
                        Optional.empty()));
    }

    @Test
    void accept_fileLevelError_refusedNothingEnqueuedNothingRegistered() throws IOException {
        List<IngestTask> tasks = upload("customer_id,name\nc1,김민지\n", 10);

        assertThat(tasks).isEmpty();
        assertThat(registry.subjects()).isEmpty();
        assertThat(registry.contacts()).isEmpty();
        assertThat(rejects.written()).isZero();
        IntakeStatus status = ledger.find(KEY + "#etag1").orElseThrow();
        assertThat(status.state()).isEqualTo(IntakeStatus.State.REFUSED);
        assertThat(status.error().orElseThrow()).contains("affected");
    }

    @Test
    void ingest_sameManifestTwice_sameRegistryState() throws IOException {
        IngestTask task = upload(MANIFEST);
        service().ingest(task);
        var subjects = registry.subjects();
        var contacts = registry.contacts();

        service().ingest(task);

        assertThat(registry.subjects()).isEqualTo(subjects);
        assertThat(registry.contacts()).isEqualTo(contacts);
    }

    @Test
    void ingest_moreRowsThanOneBatch_allRegisteredInBatches() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,email,affected\n");
        for (int i = 0; i < 250; i++) {
            csv.append("c").append(i).append(",u").append(i).append("@example.com,name\n");
        }

        service().ingest(upload(csv.toString()));

        assertThat(registry.subjects()).hasSize(250);
        assertThat(registry.batchSizes()).containsExactly(100, 100, 50);
    }

    private static final String DUPLICATES = "customer_id,email,phone,affected\n"
            + "c1,a@example.com,,name\n"
            + "c2,b@example.com,,email\n"
            + "c1,a@example.com,,phone\n"
            + "c3,c@example.com,,name\n"
            + "c1,z@example.com,,name\n"
            + "c4,,010-1111-2222,name\n"
            + "\n"
            + "c3,C@example.com,,order_history\n"
            + "c2,y@example.com,,name\n"
            + "c5,bad,,name\n";

    private ManifestSummary onePass(String content) throws IOException {
        List<Rejection> ignored = new ArrayList<>();
        return new ManifestReader(ContactNormalizer.korea())
                .read(
                        new java.io.ByteArrayInputStream(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        new com.breachnotice.core.manifest.ManifestVisitor() {
                            @Override
                            public void accepted(com.breachnotice.core.manifest.ManifestRow row) {}

                            @Override
                            public void rejected(Rejection rejection) {
                                ignored.add(rejection);
                            }
                        });
    }

    private IntakeService.Finished ingestAll(List<IngestTask> tasks) throws IOException {
        return ingestAll(tasks, true);
    }

    /** Loads every task; on a first load only the last range finishes, on a reload every range does. */
    private IntakeService.Finished ingestAll(List<IngestTask> tasks, boolean firstLoad) throws IOException {
        IntakeService.Finished finished = null;
        for (IngestTask task : tasks) {
            var loaded = (IntakeService.Outcome.Loaded) service().ingest(task);
            if (loaded.manifest().isPresent()) {
                assertThat(firstLoad && finished != null)
                        .as("only the last range finishes the manifest")
                        .isFalse();
                finished = loaded.manifest().get();
            }
        }
        assertThat(finished).as("the last range finishes the manifest").isNotNull();
        return finished;
    }

    @Test
    void ingest_rangesInFileOrder_countsAndRejectsEqualOnePass() throws IOException {
        List<IngestTask> tasks = upload(DUPLICATES, 1);
        assertThat(tasks).hasSize(10);

        IntakeService.Finished finished = ingestAll(tasks);

        assertThat(finished.summary()).isEqualTo(onePass(DUPLICATES));
        assertThat(rejects.report(finished.rejectsKey()).csv())
                .isEqualTo("line,customer_id,reason\n6,c1,conflicting_contact\n10,c2,conflicting_contact\n"
                        + "11,c5,invalid_email\n");
        assertThat(registry.subjects()).containsOnlyKeys("c1", "c2", "c3", "c4");
    }

    @Test
    void ingest_rangesInReverseOrder_lowerLineWinsAndCountsEqualOnePass() throws IOException {
        List<IngestTask> tasks = new ArrayList<>(upload(DUPLICATES, 1));
        java.util.Collections.reverse(tasks);

        IntakeService.Finished finished = ingestAll(tasks);

        ManifestSummary expected = onePass(DUPLICATES);
        assertThat(finished.summary()).isEqualTo(expected);
        assertThat(expected.subjects()).isEqualTo(4);
        assertThat(rejects.report(finished.rejectsKey()).csv())
                .isEqualTo("line,customer_id,reason\n6,c1,conflicting_contact\n10,c2,conflicting_contact\n"
                        + "11,c5,invalid_email\n");
        var c1 = registry.subjects().get("c1");
        assertThat(c1.email()).contains(keyer.keyOf(Fixtures.email("a@example.com")));
        assertThat(c1.items()).containsExactlyInAnyOrder(ItemKind.NAME, ItemKind.PHONE);
        assertThat(registry.contacts())
                .doesNotContainKey(keyer.keyOf(Fixtures.email("z@example.com")))
                .doesNotContainKey(keyer.keyOf(Fixtures.email("y@example.com")))
                .hasSize(4);
    }

    @Test
    void ingest_oneRangeRedeliveredAfterTheOthers_countsStillEqualOnePass() throws IOException {
        List<IngestTask> tasks = upload(DUPLICATES, 1);
        for (List<IngestTask> order : List.of(tasks, tasks.reversed())) {
            IntakeService.Finished first = ingestAll(order, false);
            assertThat(first.summary()).isEqualTo(onePass(DUPLICATES));
            // Each range alone, delivered again once every range is done: SQS does that.
            for (IngestTask task : tasks) {
                var again = (IntakeService.Outcome.Loaded) service().ingest(task);
                assertThat(again.manifest().orElseThrow().summary())
                        .as("after range %d again", task.range())
                        .isEqualTo(onePass(DUPLICATES));
                assertThat(rejects.report(again.manifest().orElseThrow().rejectsKey())
                                .csv())
                        .isEqualTo("line,customer_id,reason\n6,c1,conflicting_contact\n10,c2,conflicting_contact\n"
                                + "11,c5,invalid_email\n");
            }
        }
    }

    @Test
    void ingest_rangeLoadedAgain_registryUnchangedAndCountsSame() throws IOException {
        List<IngestTask> tasks = upload(DUPLICATES, 1);
        IntakeService.Finished first = ingestAll(tasks);
        var subjects = registry.subjects();
        var contactKeys = registry.contacts().keySet();

        IntakeService.Finished again = ingestAll(tasks, false);

        assertThat(again.summary()).isEqualTo(first.summary());
        assertThat(registry.subjects()).isEqualTo(subjects);
        assertThat(registry.contacts().keySet()).isEqualTo(contactKeys);
    }

    private static final String BOOK = "owner_customer_id,name,phone,locale,affected\n"
            + "c2,김민지,010-1234-5678,ko,name;phone;address\n"
            + "c9,박서준,010-5555-0101,,phone;entrance_code\n"
            + "c8,박서준,+82 10 5555 0101,en,phone;name\n"
            + "c7,,02-2123-4567,ko,phone\n";

    @Test
    void ingest_addressBook_peopleByPhone_customerPhoneHoldsBothRoles() throws IOException {
        service().ingest(upload(MANIFEST));
        source.put(BUCKET, "manifests/book.csv", BOOK);
        int before = queue.all().size();
        service()
                .accept(new ManifestUpload(
                        BUCKET, "manifests/book.csv", source.size(BUCKET, "manifests/book.csv"), "e2"));
        IntakeService.Outcome outcome = service().ingest(queue.all().get(before));

        ManifestSummary summary = ((IntakeService.Outcome.Loaded) outcome)
                .manifest()
                .orElseThrow()
                .summary();
        assertThat(summary.accepted()).isEqualTo(3);
        assertThat(summary.merged()).isEqualTo(1);
        assertThat(summary.subjects()).isEqualTo(2);
        assertThat(summary.reasons()).containsEntry(RejectReason.NO_MOBILE, 1L);
        var shared = registry.contacts().get(keyer.keyOf(Fixtures.phone("010-1234-5678")));
        assertThat(shared.roles())
                .containsEntry(SubjectRole.CUSTOMER, java.util.Set.of(ItemKind.NAME, ItemKind.EMAIL, ItemKind.PHONE))
                .containsEntry(
                        SubjectRole.ADDRESS_BOOK, java.util.Set.of(ItemKind.NAME, ItemKind.PHONE, ItemKind.ADDRESS));
        assertThat(shared.items()).contains(ItemKind.ADDRESS, ItemKind.EMAIL);
        assertThat(shared.ownerWithoutEmail())
                .as("an address-book phone is always texted")
                .isTrue();
        var bookOnly = registry.contacts().get(keyer.keyOf(Fixtures.phone("010-5555-0101")));
        assertThat(bookOnly.roles()).containsOnlyKeys(SubjectRole.ADDRESS_BOOK);
        assertThat(bookOnly.items()).containsExactlyInAnyOrder(ItemKind.PHONE, ItemKind.ENTRANCE_CODE, ItemKind.NAME);
        assertThat(bookOnly.locale()).isEqualTo(com.breachnotice.core.manifest.NoticeLocale.KO);
        assertThat(registry.subjects())
                .containsKey(SubjectRecord.addressBookId(keyer.keyOf(Fixtures.phone("010-5555-0101"))));
        List<String> strings = new ArrayList<>();
        registry.subjects().values().forEach(s -> collect(s, strings));
        registry.contacts().values().forEach(c -> collect(c, strings));
        for (String secret : List.of("+821055550101", "01055550101", "박서준", "+82221234567")) {
            assertThat(strings).noneMatch(s -> s.contains(secret));
        }
    }

    @Test
    void ingest_addressBookRangesInReverseOrder_countsEqualOnePass() throws IOException {
        StringBuilder book = new StringBuilder("owner_customer_id,name,phone,locale,affected\n");
        for (int i = 0; i < 40; i++) {
            book.append("o")
                    .append(i)
                    .append(",,010-5555-")
                    .append(String.format("%04d", i % 7))
                    .append(",ko,phone\n");
        }
        source.put(BUCKET, "manifests/book.csv", book.toString());
        int before = queue.all().size();
        service(200)
                .accept(new ManifestUpload(
                        BUCKET, "manifests/book.csv", source.size(BUCKET, "manifests/book.csv"), "e3"));
        List<IngestTask> tasks =
                new ArrayList<>(queue.all().subList(before, queue.all().size()));
        assertThat(tasks).hasSizeGreaterThan(2);
        java.util.Collections.reverse(tasks);
        Optional<IntakeService.Finished> finished = Optional.empty();
        for (IngestTask task : tasks) {
            var loaded = (IntakeService.Outcome.Loaded) service(200).ingest(task);
            if (loaded.manifest().isPresent()) {
                finished = loaded.manifest();
            }
        }

        ManifestSummary summary = finished.orElseThrow().summary();
        assertThat(summary.accepted()).isEqualTo(40);
        assertThat(summary.subjects()).isEqualTo(7);
        assertThat(summary.merged()).isEqualTo(33);
    }

    private static void collect(Object value, List<String> out) {
        if (value == null) {
            return;
        }
        out.add(value.toString());
        if (value instanceof String s) {
            out.add(s);
        } else if (value instanceof Optional<?> o) {
            o.ifPresent(v -> collect(v, out));
        } else if (value instanceof Collection<?> c) {
            c.forEach(v -> collect(v, out));
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    component.getAccessor().setAccessible(true);
                    collect(component.getAccessor().invoke(value), out);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }
}
