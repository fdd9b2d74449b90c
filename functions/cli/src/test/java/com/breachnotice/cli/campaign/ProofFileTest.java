package com.breachnotice.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breachnotice.cli.Json;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.delivery.Delivery;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.StatusChange;
import com.breachnotice.core.proof.ProofRow;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProofFileTest {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path directory;

    private static ProofRow row(String recipient, String reason) {
        DeliveryId id = new DeliveryId(new ContactKey("P1" + "ab".repeat(32)), "first", Channel.SMS);
        Delivery delivery = new Delivery(
                id,
                DeliveryStatus.FAILED,
                T,
                Optional.empty(),
                Optional.empty(),
                Optional.of(reason),
                Optional.empty(),
                List.of(new StatusChange(DeliveryStatus.FAILED, T)),
                Optional.of("ref"),
                Optional.empty());
        return new ProofRow(delivery, recipient);
    }

    @Test
    void formulaSafe_cellsASpreadsheetWouldEvaluate_quoted() {
        assertThat(ProofFile.formulaSafe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(ProofFile.formulaSafe("+82 ****-5678")).isEqualTo("'+82 ****-5678");
        assertThat(ProofFile.formulaSafe("-1")).isEqualTo("'-1");
        assertThat(ProofFile.formulaSafe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ProofFile.formulaSafe("\tx")).isEqualTo("'\tx");
        assertThat(ProofFile.formulaSafe("\rx")).isEqualTo("'\rx");
        assertThat(ProofFile.formulaSafe("010-****-5678")).isEqualTo("010-****-5678");
        assertThat(ProofFile.formulaSafe("")).isEmpty();
    }

    @Test
    void csv_commentsHeaderRows_quotedWhereNeeded_digestInSha256sumFormat() throws Exception {
        Path file = directory.resolve("proof.csv");
        try (ProofFile proof = new ProofFile(file, Map.of("contacts", "masked"))) {
            proof.write(row("010-****-5678", "=cmd|' /C calc'!A0"));
            proof.write(row("k***@example.net", "sns:Throttled, \"later\"\nagain"));
        }

        try (Reader in = Files.newBufferedReader(file)) {
            List<CSVRecord> records = CSVFormat.RFC4180
                    .builder()
                    .setCommentMarker('#')
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
            assertThat(records).hasSize(2);
            assertThat(records.get(0).get("reason")).isEqualTo("'=cmd|' /C calc'!A0");
            assertThat(records.get(1).get("reason")).isEqualTo("sns:Throttled, \"later\"\nagain");
            assertThat(records.get(0).get("status_history")).isEqualTo("failed@2026-03-02T09:00:00Z");
        }
        assertThat(Files.readString(file)).startsWith("# contacts: masked");
        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertThat(Files.readString(directory.resolve("proof.csv.sha256"), StandardCharsets.UTF_8))
                .isEqualTo(expected + "  proof.csv\n");
    }

    @Test
    void jsonl_factsLineThenOneObjectPerDelivery() throws Exception {
        Path file = directory.resolve("proof.jsonl");
        try (ProofFile proof = new ProofFile(file, Map.of("contacts", "masked"))) {
            proof.write(row("010-****-5678", "no_phone"));
            assertThat(proof.rows()).isEqualTo(1);
            proof.close();
            assertThat(proof.sha256()).hasSize(64);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(Json.mapper().readTree(lines.get(0)).at("/export/contacts").asText())
                .isEqualTo("masked");
        JsonNode row = Json.mapper().readTree(lines.get(1));
        assertThat(row.get("recipient").asText()).isEqualTo("010-****-5678");
        assertThat(row.at("/status_history/0/status").asText()).isEqualTo("failed");
    }

    @Test
    void format_otherExtensions_refused() {
        assertThatThrownBy(() -> ProofFile.Format.of(Path.of("proof.xlsx"))).hasMessageContaining(".csv or a .jsonl");
    }
}
