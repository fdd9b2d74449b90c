package com.breachnotice.bench.intake;

import com.breachnotice.cli.manifest.SyntheticManifest;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.contact.ContactNormalizer;
import com.breachnotice.core.contact.Pepper;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.crypto.DataKey;
import com.breachnotice.core.crypto.DataKeyProvider;
import com.breachnotice.core.intake.IngestTask;
import com.breachnotice.core.intake.IntakeLedger;
import com.breachnotice.core.intake.IntakeService;
import com.breachnotice.core.intake.IntakeStatus;
import com.breachnotice.core.intake.ManifestSource;
import com.breachnotice.core.intake.ManifestUpload;
import com.breachnotice.core.intake.RangeOutcome;
import com.breachnotice.core.intake.Registered;
import com.breachnotice.core.intake.Registration;
import com.breachnotice.core.intake.RejectsReport;
import com.breachnotice.core.intake.SubjectRegistry;
import com.breachnotice.core.intake.Unconfirmed;
import com.breachnotice.core.manifest.ManifestReader;
import com.breachnotice.core.manifest.ManifestRow;
import com.breachnotice.core.manifest.ManifestSummary;
import com.breachnotice.core.manifest.ManifestVisitor;
import com.breachnotice.core.manifest.Rejection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-row path of intake on one thread, in rows per second: {@code fullRow} is exactly what an
 * intake worker does to a range (read the bytes, assemble records, parse, validate, normalize, two
 * HMACs, seal name and contacts with AES-GCM, chunk for the registry), with the registry, ledger and
 * report as no-ops and KMS replaced by a local random data key. The other benchmarks time one step
 * each, per row, to find the slowest.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class IntakeRowBenchmark {

    static final int ROWS = 10_000;

    private byte[] manifest = new byte[0];
    private String header = "";
    private int headerBytes;
    private List<Contact> emails = List.of();
    private List<Contact> phones = List.of();
    private List<String> rawEmails = List.of();
    private List<String> rawPhones = List.of();
    private List<String> names = List.of();
    private ManifestReader reader = new ManifestReader(ContactNormalizer.korea());
    private ContactNormalizer normalizer = ContactNormalizer.korea();
    private ContactKeyer keyer = new ContactKeyer(new Pepper(new byte[32]));
    private ContactCipher cipher = new ContactCipher(new LocalDataKeys());
    private IntakeService intake = service(new byte[0]);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SyntheticManifest(7).write(out, ROWS);
        manifest = out.toByteArray();
        header = SyntheticManifest.HEADER;
        headerBytes = header.length() + 1;
        byte[] pepper = new byte[32];
        new SecureRandom().nextBytes(pepper);
        keyer = new ContactKeyer(new Pepper(pepper));
        cipher = new ContactCipher(new LocalDataKeys());
        intake = service(manifest);
        List<Contact> e = new ArrayList<>();
        List<Contact> p = new ArrayList<>();
        List<String> re = new ArrayList<>();
        List<String> rp = new ArrayList<>();
        List<String> n = new ArrayList<>();
        Iterator<SyntheticManifest.Row> rows = new SyntheticManifest(7).rows(ROWS);
        while (rows.hasNext()) {
            SyntheticManifest.Row row = rows.next();
            re.add(row.email());
            rp.add(row.phone());
            n.add(row.name());
            normalizer.email(row.email()).ifPresent(e::add);
            normalizer.phone(row.phone()).ifPresent(p::add);
        }
        emails = e;
        phones = p;
        rawEmails = re;
        rawPhones = rp;
        names = n;
    }

    /** Everything a worker does per row, through {@link IntakeService#ingest}. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Object fullRow() throws IOException {
        return intake.ingest(
                new IngestTask("bench#1", "bucket", "manifest.csv", headerBytes, manifest.length, 2, 0, 1, header));
    }

    /** Record assembly, parse, validation and normalization, without keys or encryption. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public ManifestSummary readValidateNormalize(Blackhole hole) throws IOException {
        return reader.read(new ByteArrayInputStream(manifest), new ManifestVisitor() {
            @Override
            public void accepted(ManifestRow row) {
                hole.consume(row);
            }

            @Override
            public void rejected(Rejection rejection) {
                hole.consume(rejection);
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void stepNormalizeEmail(Blackhole hole) {
        for (String email : rawEmails) {
            hole.consume(normalizer.email(email));
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void stepNormalizePhone(Blackhole hole) {
        for (String phone : rawPhones) {
            hole.consume(phone.isEmpty() ? Optional.empty() : normalizer.phone(phone));
        }
    }

    /** The two HMACs of a row (email and phone key), per row. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void stepTwoHmacs(Blackhole hole) {
        for (int i = 0; i < ROWS; i++) {
            hole.consume(keyer.keyOf(emails.get(i % emails.size())));
            hole.consume(keyer.keyOf(phones.get(i % phones.size())));
        }
    }

    /** The AES-GCM seals of a row as intake makes them: subject name, contact value and name, twice. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void stepSealRow(Blackhole hole) {
        for (int i = 0; i < ROWS; i++) {
            String name = names.get(i);
            hole.consume(cipher.seal(name, "c" + i));
            hole.consume(cipher.seal(emails.get(i % emails.size()).value(), "E" + i));
            hole.consume(cipher.seal(name, "E" + i));
            hole.consume(cipher.seal(phones.get(i % phones.size()).value(), "P" + i));
            hole.consume(cipher.seal(name, "P" + i));
        }
    }

    private IntakeService service(byte[] content) {
        return new IntakeService(
                reader,
                keyer,
                cipher,
                new BytesSource(content),
                new DiscardingRegistry(),
                new DiscardingLedger(),
                new DiscardingRejects(),
                tasks -> {},
                Clock.systemUTC(),
                IntakeService.DEFAULT_RANGE_BYTES);
    }

    /** A data key drawn locally once, as KMS would hand out once per worker. */
    static final class LocalDataKeys implements DataKeyProvider {
        private final byte[] key = new byte[32];

        LocalDataKeys() {
            new SecureRandom().nextBytes(key);
        }

        @Override
        public DataKey generate() {
            return new DataKey(key, key);
        }

        @Override
        public byte[] unwrap(byte[] wrapped) {
            return Arrays.copyOf(wrapped, wrapped.length);
        }
    }

    record BytesSource(byte[] content) implements ManifestSource {
        @Override
        public InputStream open(String bucket, String key, long start, long end) {
            return new ByteArrayInputStream(content, (int) start, (int) (end - start));
        }
    }

    static final class DiscardingRegistry implements SubjectRegistry {
        @Override
        public Registered register(String manifestId, List<Registration> rows, Unconfirmed previous) {
            return Registered.NOTHING;
        }
    }

    static final class DiscardingLedger implements IntakeLedger {
        @Override
        public void opened(ManifestUpload upload, int ranges, Instant at) {}

        @Override
        public Optional<List<RangeOutcome>> rangeFinished(
                String manifestId, int range, int ranges, RangeOutcome outcome, Instant at) {
            return Optional.empty();
        }

        @Override
        public void finished(String manifestId, ManifestSummary summary, String rejectsKey, Instant at) {}

        @Override
        public void refused(String manifestId, String reason, Instant at) {}

        @Override
        public Optional<IntakeStatus> find(String manifestId) {
            return Optional.empty();
        }
    }

    static final class DiscardingRejects implements RejectsReport {
        @Override
        public void writePart(
                String bucket, String manifestKey, String manifestId, int range, List<Rejection> rejections) {}

        @Override
        public String assemble(String bucket, String manifestKey, String manifestId, int ranges) {
            return "";
        }
    }
}
