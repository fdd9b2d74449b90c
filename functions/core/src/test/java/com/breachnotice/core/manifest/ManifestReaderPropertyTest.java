package com.breachnotice.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.testing.SeededCases;
import com.breachnotice.core.testing.SeededCases.Batch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rows written as RFC 4180 CSV read back unchanged. docs/manifest.md rejects a line break inside a
 * field as {@code control_character}, so names with embedded line breaks have their own property:
 * rejected on the line they start, and every later row keeps its physical line number.
 */
class ManifestReaderPropertyTest {

    record Row(String customerId, String name, String email, String phone, NoticeLocale locale, Set<ItemKind> items) {}

    /** Rows to write, and whether every cell is quoted or only those that need it. */
    record Written(List<Row> rows, boolean quoteEverything) {}

    /** Rows to write, and for each whether its name gets a line break. */
    record Broken(List<Row> rows, List<Boolean> breakName) {}

    @ParameterizedTest(name = "{0}")
    @MethodSource("writtenRows")
    void read_writtenValidRows_allAcceptedWithSameValues(Batch<Written> written) {
        written.check(w -> readBackUnchanged(w.rows(), w.quoteEverything()));
    }

    private static final Row PLAIN =
            new Row("c1", "", "a@example.com", "01023456789", NoticeLocale.KO, EnumSet.allOf(ItemKind.class));
    private static final Row AWKWARD = new Row(
            "\"x,\"\" 가",
            "김, \"민지\"",
            "a.b+c_d-e@xn--3e0b707e.kr",
            "01099999999",
            NoticeLocale.EN,
            EnumSet.of(ItemKind.values()[0]));

    static Stream<Batch<Written>> writtenRows() {
        Row plain = PLAIN;
        Row awkward = AWKWARD;
        List<Written> edges = List.of(
                new Written(withUniqueIds(List.of(plain)), false),
                new Written(withUniqueIds(List.of(plain)), true),
                new Written(withUniqueIds(List.of(awkward, plain)), false),
                new Written(withUniqueIds(Collections.nCopies(25, awkward)), true));
        return SeededCases.of(
                edges, 200, random -> new Written(withUniqueIds(rows(random, 1, 25)), random.nextBoolean()));
    }

    private static void readBackUnchanged(List<Row> rows, boolean quoteEverything) {
        StringBuilder csv = new StringBuilder("customer_id,name,email,phone,locale,affected\r\n");
        for (Row row : rows) {
            csv.append(line(row, quoteEverything)).append("\r\n");
        }

        ManifestReaderTest.Read read = ManifestReaderTest.read(csv.toString());

        assertThat(read.rejections()).isEmpty();
        assertThat(read.rows()).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            Row expected = rows.get(i);
            ManifestRow actual = read.rows().get(i);
            assertThat(actual.line()).isEqualTo(i + 2L);
            assertThat(actual.customerId()).isEqualTo(expected.customerId());
            assertThat(actual.name()).isEqualTo(expected.name());
            assertThat(actual.email().orElseThrow().value()).isEqualTo(expected.email());
            assertThat(actual.phone().orElseThrow().value())
                    .isEqualTo("+82" + expected.phone().substring(1));
            assertThat(actual.locale()).isEqualTo(expected.locale());
            assertThat(actual.items()).isEqualTo(expected.items());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRows")
    void read_namesWithLineBreaks_rejectedOnTheirFirstLineAndLaterLinesExact(Batch<Broken> broken) {
        broken.check(b -> rejectedOnFirstLine(b.rows(), b.breakName()));
    }

    static Stream<Batch<Broken>> brokenRows() {
        List<Row> three = withUniqueIds(List.of(PLAIN, AWKWARD, PLAIN));
        List<Broken> edges = List.of(
                new Broken(three, List.of(true, true, true)),
                new Broken(three, List.of(false, true, false)),
                new Broken(three, List.of(true, false, true)));
        return SeededCases.of(edges, 100, random -> {
            List<Row> rows = withUniqueIds(rows(random, 1, 15));
            List<Boolean> breakName = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                breakName.add(random.nextBoolean());
            }
            return new Broken(rows, breakName);
        });
    }

    private static void rejectedOnFirstLine(List<Row> rows, List<Boolean> breakName) {
        StringBuilder csv = new StringBuilder("customer_id,name,email,phone,locale,affected\n");
        long line = 2;
        List<Long> expectedRejected = new ArrayList<>();
        List<Long> expectedAccepted = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (breakName.get(i)) {
                row = new Row(
                        row.customerId(),
                        "첫 줄 " + row.name() + "\n" + "둘째 줄",
                        row.email(),
                        row.phone(),
                        row.locale(),
                        row.items());
                expectedRejected.add(line);
            } else {
                expectedAccepted.add(line);
            }
            String text = line(row, false);
            csv.append(text).append('\n');
            line += text.chars().filter(c -> c == '\n').count() + 1;
        }

        ManifestReaderTest.Read read = ManifestReaderTest.read(csv.toString());

        assertThat(read.rejections()).extracting(Rejection::line).containsExactlyElementsOf(expectedRejected);
        assertThat(read.rejections()).allMatch(r -> r.reason() == RejectReason.CONTROL_CHARACTER);
        assertThat(read.acceptedLines()).containsExactlyElementsOf(expectedAccepted);
    }

    /** {@code min..max} rows of valid values (ids made unique by {@link #withUniqueIds}). */
    private static List<Row> rows(SplittableRandom random, int min, int max) {
        int size = random.nextInt(min, max + 1);
        List<Row> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            rows.add(row(random));
        }
        return rows;
    }

    private static Row row(SplittableRandom random) {
        String id;
        do {
            id = SeededCases.string(random, "ABCxyz0123456789-_,\"' 가", 1, 20).strip();
        } while (id.isEmpty());
        String name = SeededCases.string(random, "김이박민지 abcXYZ,\"'.-;", 0, 40).strip();
        String local;
        do {
            local = SeededCases.string(random, "abcdefXYZ0123456789._+-", 1, 20);
        } while (local.startsWith(".") || local.endsWith(".") || local.contains(".."));
        String email = local + "@"
                + SeededCases.oneOf(random, "example.com", "mail.example.co.kr", "naver.com", "xn--3e0b707e.kr");
        // 010-5xxx is only partly allocated (libphonenumber refuses some 010-59xx), so skip 0, 1 and 5.
        String phone = "010" + SeededCases.oneOf(random, "2", "3", "4", "6", "7", "8", "9")
                + SeededCases.string(random, "0123456789", 7, 7);
        NoticeLocale locale = SeededCases.oneOf(random, NoticeLocale.values());
        Set<ItemKind> items = EnumSet.noneOf(ItemKind.class);
        while (items.isEmpty()) {
            for (ItemKind item : ItemKind.values()) {
                if (random.nextBoolean()) {
                    items.add(item);
                }
            }
        }
        return new Row(id, name, email, phone, locale, items);
    }

    private static List<Row> withUniqueIds(List<Row> rows) {
        List<Row> unique = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            unique.add(new Row(r.customerId() + "#" + i, r.name(), r.email(), r.phone(), r.locale(), r.items()));
        }
        return unique;
    }

    private static String line(Row row, boolean quoteEverything) {
        List<String> items = new ArrayList<>();
        for (ItemKind item : row.items()) {
            items.add(item.code());
        }
        return String.join(
                ",",
                cell(row.customerId(), quoteEverything),
                cell(row.name(), quoteEverything),
                cell(row.email(), quoteEverything),
                cell(row.phone(), quoteEverything),
                cell(row.locale().code(), quoteEverything),
                cell(String.join(";", items), quoteEverything));
    }

    private static String cell(String value, boolean quote) {
        boolean needs = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote || needs ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
