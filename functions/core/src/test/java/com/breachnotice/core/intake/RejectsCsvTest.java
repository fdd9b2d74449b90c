package com.breachnotice.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.manifest.RejectReason;
import com.breachnotice.core.manifest.Rejection;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RejectsCsvTest {

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    }

    @ParameterizedTest
    @ValueSource(strings = {"=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1)", "=HYPERLINK(\"x\",\"y\")"})
    void render_formulaLikeCustomerId_neutralizedWithQuotePrefix(String id) throws IOException {
        String csv = RejectsCsv.render(List.of(new Rejection(7, id, RejectReason.NO_CONTACT)));

        List<CSVRecord> records = parse(csv);
        assertThat(records).hasSize(2);
        assertThat(records.get(1).get(1)).isEqualTo("'" + id);
        assertThat(records.get(1).get(0)).isEqualTo("7");
        assertThat(records.get(1).get(2)).isEqualTo("no_contact");
    }

    @Test
    void render_commasAndQuotes_escapedAndRoundTrip() throws IOException {
        String id = "a,\"b\",c";

        List<CSVRecord> records = parse(RejectsCsv.render(List.of(new Rejection(3, id, RejectReason.UNKNOWN_ITEM))));

        assertThat(records.get(0).toList()).containsExactly("line", "customer_id", "reason");
        assertThat(records.get(1).toList()).containsExactly("3", id, "unknown_item");
    }

    @Test
    void render_plainAndEmptyIds_unchanged() throws IOException {
        List<CSVRecord> records = parse(RejectsCsv.render(List.of(
                new Rejection(2, "c-1", RejectReason.INVALID_EMAIL), new Rejection(9, "", RejectReason.INVALID_UTF8))));

        assertThat(records.get(1).toList()).containsExactly("2", "c-1", "invalid_email");
        assertThat(records.get(2).toList()).containsExactly("9", "", "invalid_utf8");
    }

    @Test
    void keyFor_manifestUnderManifests_reportUnderRejects() {
        assertThat(RejectsCsv.keyFor("manifests/2026/list.csv")).isEqualTo("rejects/2026/list.csv.rejects.csv");
        assertThat(RejectsCsv.keyFor("list.csv")).isEqualTo("rejects/list.csv.rejects.csv");
    }

    @Test
    void merge_partsInLineOrder_interleavedAndEachLineOnce() throws java.io.IOException {
        String first = RejectsCsv.render(
                List.of(new Rejection(2, "a", RejectReason.NO_CONTACT), new Rejection(9, "b", RejectReason.NO_ITEMS)));
        String second = RejectsCsv.render(List.of(
                new Rejection(2, "a", RejectReason.NO_CONTACT), new Rejection(5, "=c", RejectReason.UNKNOWN_ITEM)));
        String empty = RejectsCsv.render(List.of());
        java.io.StringWriter out = new java.io.StringWriter();

        RejectsCsv.merge(
                List.of(
                        new java.io.BufferedReader(new java.io.StringReader(first)),
                        new java.io.BufferedReader(new java.io.StringReader(empty)),
                        new java.io.BufferedReader(new java.io.StringReader(second))),
                out);

        assertThat(out.toString())
                .isEqualTo("line,customer_id,reason\n2,a,no_contact\n5,\"'=c\",unknown_item\n9,b,no_items\n");
    }
}
