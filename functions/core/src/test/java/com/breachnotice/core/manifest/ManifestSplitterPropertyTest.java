package com.breachnotice.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.contact.ContactNormalizer;
import com.breachnotice.core.testing.SeededCases;
import com.breachnotice.core.testing.SeededCases.Batch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any split of a manifest into ranges, each read on its own, gives the one-pass result: the same
 * accepted rows and rejections on the same physical lines, in the same order, and counts that sum to
 * the one-pass counts. The files mix everything that moves a record boundary: quoted fields with
 * commas and embedded line breaks (LF and CRLF), stray quotes that the reader recovers from, blank
 * lines, a byte-order mark, bytes that are not UTF-8.
 *
 * <p>Customer ids are unique here on purpose: a customer whose rows fall in two ranges is merged or
 * refused by the registry, not by the reader (the registry's tests cover that).
 */
class ManifestSplitterPropertyTest {

    private static final ManifestReader READER = new ManifestReader(ContactNormalizer.korea());

    enum Kind {
        PLAIN,
        QUOTED,
        MULTI_LINE_NAME,
        STRAY_QUOTE,
        BLANK,
        INVALID_UTF8,
        WRONG_COLUMNS,
        BAD_EMAIL,
        LONG_OPEN_QUOTE
    }

    /** One generated file and the range size to cut it at. */
    record Input(List<Kind> kinds, boolean bom, boolean crlf, int rangeBytes) {}

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void split_anyRangeSize_sameAsOnePass(Batch<Input> input) {
        input.check(in -> splitMatchesOnePass(manifest(in.kinds(), in.bom(), in.crlf()), in.rangeBytes()));
    }

    static Stream<Batch<Input>> inputs() {
        List<Kind> tricky = List.of(Kind.MULTI_LINE_NAME, Kind.STRAY_QUOTE);
        List<Kind> everyKind = List.of(Kind.values());
        List<Input> edges = List.of(
                new Input(List.of(), false, false, 1),
                new Input(List.of(), true, true, 400),
                new Input(tricky, false, false, 1),
                new Input(tricky, true, true, 1),
                new Input(tricky, false, true, 7),
                new Input(everyKind, false, false, 1),
                new Input(everyKind, true, true, 1),
                new Input(everyKind, true, false, 400),
                new Input(Collections.nCopies(60, Kind.LONG_OPEN_QUOTE), false, true, 1),
                new Input(Collections.nCopies(60, Kind.MULTI_LINE_NAME), true, false, 13));
        return SeededCases.of(edges, 300, random -> {
            List<Kind> kinds = new ArrayList<>();
            int size = random.nextInt(61);
            for (int i = 0; i < size; i++) {
                kinds.add(SeededCases.oneOf(random, Kind.values()));
            }
            return new Input(kinds, random.nextBoolean(), random.nextBoolean(), random.nextInt(1, 401));
        });
    }

    private static void splitMatchesOnePass(byte[] manifest, int rangeBytes) throws IOException {
        Outcome onePass = new Outcome();
        ManifestSummary whole = READER.read(new ByteArrayInputStream(manifest), onePass);

        ManifestSplitter.Split split = ManifestSplitter.split(new ByteArrayInputStream(manifest), rangeBytes);
        Outcome ranged = new Outcome();
        List<ManifestSummary> parts = new ArrayList<>();
        long expectedStart = split.ranges().get(0).start();
        for (ManifestSplitter.Range range : split.ranges()) {
            assertThat(range.start()).isEqualTo(expectedStart);
            expectedStart = range.end();
            byte[] bytes = Arrays.copyOfRange(manifest, (int) range.start(), (int) range.end());
            parts.add(READER.readRange(
                    new ByteArrayInputStream(bytes), split.header(), range.firstLine(), range.start(), ranged));
        }
        assertThat(expectedStart).isEqualTo(manifest.length);

        assertThat(ranged.events).isEqualTo(onePass.events);
        assertThat(ManifestSummary.sum(parts)).isEqualTo(whole);
    }

    static byte[] manifest(List<Kind> kinds, boolean bom, boolean crlf) throws IOException {
        String eol = crlf ? "\r\n" : "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        write(out, "Affected,EMAIL,customer_id,name,phone,note" + eol);
        int id = 0;
        for (Kind kind : kinds) {
            id++;
            String c = "c" + id;
            String mobile = String.format("010%08d", id);
            switch (kind) {
                case PLAIN -> write(out, "name;email," + c + "@example.com," + c + ",Kim," + mobile + ",x" + eol);
                case QUOTED ->
                    write(
                            out,
                            "\"email\",\"" + c + "@example.com\",\"" + c + "\",\"Kim, \"\"Jr\"\"\",\"" + mobile
                                    + "\",\"a,b\"" + eol);
                case MULTI_LINE_NAME ->
                    write(
                            out,
                            "name," + c + "@example.com," + c + ",\"Kim" + eol + "Lee" + eol + "\"," + mobile + ",y"
                                    + eol);
                case STRAY_QUOTE -> write(out, "name," + c + "@example.com," + c + ",Ki\"m," + mobile + ",z" + eol);
                case BLANK -> write(out, id % 2 == 0 ? eol : "   " + eol);
                case INVALID_UTF8 -> {
                    write(out, "name," + c + "@example.com," + c + ",K");
                    out.write(new byte[] {(byte) 0xC3, (byte) 0x28});
                    write(out, "," + mobile + ",w" + eol);
                }
                case WRONG_COLUMNS -> write(out, "name," + c + "@example.com," + c + eol);
                case BAD_EMAIL -> write(out, "name,not-an-email," + c + ",Kim," + mobile + ",v" + eol);
                case LONG_OPEN_QUOTE -> {
                    write(out, "name," + c + "@example.com," + c + ",\"open," + mobile + ",u" + eol);
                    for (int i = 0; i < 3; i++) {
                        write(
                                out,
                                "name,x" + id + "_" + i + "@example.com,c" + id + "_" + i + ",Lee," + mobile + ",t"
                                        + eol);
                    }
                }
            }
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    static final class Outcome implements ManifestVisitor {
        final List<String> events = new ArrayList<>();

        @Override
        public void accepted(ManifestRow row) {
            events.add("accepted " + row.line() + " " + row.customerId() + " " + row.name() + " " + row.items());
        }

        @Override
        public void rejected(Rejection rejection) {
            events.add("rejected " + rejection);
        }
    }
}
