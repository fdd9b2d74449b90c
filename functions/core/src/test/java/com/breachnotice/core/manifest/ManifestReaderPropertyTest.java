package com.breachnotice.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Rows written as RFC 4180 CSV read back unchanged. docs/manifest.md rejects a line break inside a
 * field as {@code control_character}, so names with embedded line breaks have their own property:
 * rejected on the line they start, and every later row keeps its physical line number.
 */
class ManifestReaderPropertyTest {

    record Row(String customerId, String name, String email, String phone, NoticeLocale locale, Set<ItemKind> items) {}

    @Property(tries = 200)
    void read_writtenValidRows_allAcceptedWithSameValues(
            @ForAll("rows") @Size(min = 1, max = 25) List<Row> generated, @ForAll boolean quoteEverything) {
        List<Row> rows = withUniqueIds(generated);
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

    @Property(tries = 100)
    void read_namesWithLineBreaks_rejectedOnTheirFirstLineAndLaterLinesExact(
            @ForAll("rows") @Size(min = 1, max = 15) List<Row> generated,
            @ForAll @Size(min = 15) List<Boolean> breakName) {
        List<Row> rows = withUniqueIds(generated);
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

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<String> id = Arbitraries.strings()
                .withChars("ABCxyz0123456789-_,\"' 가")
                .ofMinLength(1)
                .ofMaxLength(20)
                .map(String::strip)
                .filter(s -> !s.isEmpty());
        Arbitrary<String> name = Arbitraries.strings()
                .withChars("김이박민지 abcXYZ,\"'.-;")
                .ofMaxLength(40)
                .map(String::strip);
        Arbitrary<String> local = Arbitraries.strings()
                .withChars("abcdefXYZ0123456789._+-")
                .ofMinLength(1)
                .ofMaxLength(20)
                .filter(s -> !s.startsWith(".") && !s.endsWith(".") && !s.contains(".."));
        Arbitrary<String> domain = Arbitraries.of("example.com", "mail.example.co.kr", "naver.com", "xn--3e0b707e.kr");
        Arbitrary<String> email = Combinators.combine(local, domain).as((l, d) -> l + "@" + d);
        // 010-5xxx is only partly allocated (libphonenumber refuses some 010-59xx), so skip 0, 1 and 5.
        Arbitrary<String> phone = Combinators.combine(
                        Arbitraries.of("2", "3", "4", "6", "7", "8", "9"),
                        Arbitraries.strings().numeric().ofLength(7))
                .as((first, rest) -> "010" + first + rest);
        Arbitrary<Set<ItemKind>> items =
                Arbitraries.subsetOf(ItemKind.values()).ofMinSize(1).map(set -> (Set<ItemKind>) EnumSet.copyOf(set));
        Arbitrary<Row> row = Combinators.combine(id, name, email, phone, Arbitraries.of(NoticeLocale.class), items)
                .as(Row::new);
        return row.list();
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
