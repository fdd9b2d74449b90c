package com.breachnotice.cli.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.contact.ContactNormalizer;
import com.breachnotice.core.manifest.ManifestReader;
import com.breachnotice.core.manifest.ManifestRow;
import com.breachnotice.core.manifest.ManifestSummary;
import com.breachnotice.core.manifest.ManifestVisitor;
import com.breachnotice.core.manifest.RejectReason;
import com.breachnotice.core.manifest.Rejection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticManifestTest {

    private static final int ROWS = 5_000;

    @Test
    void write_sameSeed_sameBytes() throws IOException {
        assertThat(bytes(7, 1_000)).isEqualTo(bytes(7, 1_000));
    }

    @Test
    void write_otherSeed_otherBytes() throws IOException {
        assertThat(bytes(7, 1_000)).isNotEqualTo(bytes(8, 1_000));
    }

    @Test
    void write_startsWithTheHeaderAndWritesOneLinePerRow() throws IOException {
        String csv = new String(bytes(3, 100), StandardCharsets.UTF_8);
        String[] lines = csv.split("\n", -1);
        assertThat(lines[0]).isEqualTo("customer_id,name,email,phone,locale,affected");
        assertThat(lines).hasSize(1 + 100 + 1);
        assertThat(lines[101]).isEmpty();
    }

    @Test
    void read_everyGoodRowAccepted_everyBadRowRejectedForItsDefect() throws IOException {
        Map<Long, SyntheticManifest.Defect> defects = new HashMap<>();
        Iterator<SyntheticManifest.Row> rows = new SyntheticManifest(11).rows(ROWS);
        long line = 1;
        while (rows.hasNext()) {
            defects.put(++line, rows.next().defect());
        }
        List<ManifestRow> accepted = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        ManifestSummary summary = new ManifestReader(ContactNormalizer.korea())
                .read(new ByteArrayInputStream(bytes(11, ROWS)), new ManifestVisitor() {
                    @Override
                    public void accepted(ManifestRow row) {
                        accepted.add(row);
                    }

                    @Override
                    public void rejected(Rejection rejection) {
                        rejected.add(rejection);
                    }
                });

        assertThat(summary.rows()).isEqualTo(ROWS);
        for (ManifestRow row : accepted) {
            assertThat(defects.get(row.line()).rejected())
                    .as("line %d", row.line())
                    .isFalse();
        }
        Map<SyntheticManifest.Defect, RejectReason> expected = Map.of(
                SyntheticManifest.Defect.NO_CONTACT, RejectReason.NO_CONTACT,
                SyntheticManifest.Defect.UNKNOWN_ITEM, RejectReason.UNKNOWN_ITEM,
                SyntheticManifest.Defect.BROKEN_QUOTING, RejectReason.MALFORMED_QUOTING);
        for (Rejection rejection : rejected) {
            assertThat(rejection.reason()).isEqualTo(expected.get(defects.get(rejection.line())));
        }
        long bad = defects.values().stream()
                .filter(SyntheticManifest.Defect::rejected)
                .count();
        assertThat(rejected).hasSize((int) bad);
        assertThat(summary.accepted()).isEqualTo(ROWS - bad);
    }

    @Test
    void rows_mixMatchesTheDemoDescription() throws IOException {
        Map<SyntheticManifest.Defect, Integer> defects = new EnumMap<>(SyntheticManifest.Defect.class);
        int emailOnly = 0;
        int phoneOnly = 0;
        int korean = 0;
        int hangulNames = 0;
        Set<String> emails = new HashSet<>();
        int sharedEmails = 0;
        Iterator<SyntheticManifest.Row> rows = new SyntheticManifest(5).rows(ROWS);
        while (rows.hasNext()) {
            SyntheticManifest.Row row = rows.next();
            defects.merge(row.defect(), 1, Integer::sum);
            if (row.defect() != SyntheticManifest.Defect.NONE) {
                continue;
            }
            emailOnly += !row.email().isEmpty() && row.phone().isEmpty() ? 1 : 0;
            phoneOnly += row.email().isEmpty() && !row.phone().isEmpty() ? 1 : 0;
            korean += row.locale().equals("ko") ? 1 : 0;
            hangulNames += row.name().codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3) ? 1 : 0;
            if (!row.email().isEmpty() && !emails.add(row.email())) {
                sharedEmails++;
            }
            assertThat(row.affected().split(";")).hasSizeBetween(1, 6);
            if (!row.email().isEmpty()) {
                assertThat(row.email())
                        .matches(".*@(example\\.(com|org|net)|예시\\.테스트)")
                        .satisfies(e ->
                                assertThat(ContactNormalizer.korea().email(e)).isPresent());
            }
            if (!row.phone().isEmpty()) {
                assertThat(row.phone()).matches("010-[01]\\d{3}-\\d{4}");
                assertThat(ContactNormalizer.korea().phone(row.phone()))
                        .hasValueSatisfying(p -> assertThat(p.smsCapable()).isTrue());
            }
        }
        int good = defects.get(SyntheticManifest.Defect.NONE);
        assertThat(emailOnly).isBetween(good * 7 / 100, good * 13 / 100);
        assertThat(phoneOnly).isBetween(good * 7 / 100, good * 13 / 100);
        assertThat(korean).isBetween(good * 75 / 100, good * 85 / 100);
        assertThat(hangulNames).isGreaterThan(good * 70 / 100);
        assertThat(sharedEmails).isBetween(5, good * 3 / 100);
        int bad = ROWS - good - defects.getOrDefault(SyntheticManifest.Defect.MALFORMED_EMAIL, 0);
        assertThat(bad).isBetween(ROWS / 200, ROWS * 3 / 100);
        assertThat(defects)
                .containsKeys(
                        SyntheticManifest.Defect.NO_CONTACT,
                        SyntheticManifest.Defect.UNKNOWN_ITEM,
                        SyntheticManifest.Defect.BROKEN_QUOTING,
                        SyntheticManifest.Defect.MALFORMED_EMAIL);
    }

    @Test
    void rows_phonesAreDistinct() {
        Set<String> phones = new HashSet<>();
        Iterator<SyntheticManifest.Row> rows = new SyntheticManifest(9).rows(ROWS);
        while (rows.hasNext()) {
            String phone = rows.next().phone();
            if (!phone.isEmpty()) {
                assertThat(phones.add(phone)).as("unique phone").isTrue();
            }
        }
    }

    private static byte[] bytes(long seed, int customers) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SyntheticManifest(seed).write(out, customers);
        return out.toByteArray();
    }
}
