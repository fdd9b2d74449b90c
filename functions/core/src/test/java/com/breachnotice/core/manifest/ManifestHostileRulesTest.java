package com.breachnotice.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every rule of docs/manifest.md, the way a hostile or careless file breaks it. */
class ManifestHostileRulesTest {

    private static final String HEADER = "customer_id,name,email,phone,locale,affected\n";

    private static ManifestReaderTest.Read read(String csv) {
        return ManifestReaderTest.read(csv);
    }

    private static RejectReason reasonOf(String row) {
        return ManifestReaderTest.only(read(HEADER + row + "\n")).reason();
    }

    @Test
    void header_bomCrlfCaseSpacesAndOrder_mapped() {
        ManifestReaderTest.Read read =
                read("\uFEFF AFFECTED , Email,CUSTOMER_ID \r\nname,a@example.com,c1\r\nemail,b@example.com,c2");

        assertThat(read.rejections()).isEmpty();
        assertThat(read.rows()).extracting(ManifestRow::customerId).containsExactly("c1", "c2");
        assertThat(read.acceptedLines()).containsExactly(2L, 3L);
    }

    @Test
    void header_unknownColumnNamedTwice_reportedOnce() {
        ManifestReaderTest.Read read =
                read("customer_id,note,email,NOTE,affected,extra\nc1,x,a@example.com,y,name,z\n");

        assertThat(read.summary().unknownColumns()).containsExactly("note", "extra");
        assertThat(read.summary().accepted()).isEqualTo(1);
    }

    @Test
    void customerId_lengthCountsCharactersNotUtf16Units() {
        String emoji64 = "😀".repeat(64);
        assertThat(read(HEADER + emoji64 + ",,a@example.com,,,name\n").rejections())
                .isEmpty();
        assertThat(reasonOf("😀".repeat(65) + ",,a@example.com,,,name")).isEqualTo(RejectReason.FIELD_TOO_LONG);
        assertThat(reasonOf("c".repeat(65) + ",,a@example.com,,,name")).isEqualTo(RejectReason.FIELD_TOO_LONG);
    }

    @Test
    void name_twoHundredCharactersAccepted_moreTooLong() {
        assertThat(read(HEADER + "c1," + "김".repeat(200) + ",a@example.com,,,name\n")
                        .rejections())
                .isEmpty();
        assertThat(reasonOf("c1," + "김".repeat(201) + ",a@example.com,,,name")).isEqualTo(RejectReason.FIELD_TOO_LONG);
    }

    @Test
    void controlCharacters_inAnyKnownField_rejected() {
        assertThat(reasonOf("c1,Kim\tLee,a@example.com,,,name")).isEqualTo(RejectReason.CONTROL_CHARACTER);
        assertThat(reasonOf("c\u00001,,a@example.com,,,name")).isEqualTo(RejectReason.CONTROL_CHARACTER);
        assertThat(reasonOf("c1,Kim\u0085,a@example.com,,,name")).isEqualTo(RejectReason.CONTROL_CHARACTER);
        assertThat(reasonOf("c1,Kim\u007F,a@example.com,,,name")).isEqualTo(RejectReason.CONTROL_CHARACTER);
        assertThat(reasonOf("c1,\"Kim\nLee\",a@example.com,,,name")).isEqualTo(RejectReason.CONTROL_CHARACTER);
    }

    @Test
    void lineLongerThanTheReaderKeeps_rejectedNotTruncatedIntoARow() {
        ManifestReaderTest.Read read = read(HEADER + "c1,,a@example.com,,,name"
                + " ".repeat(PhysicalLines.MAX_LINE_BYTES) + "\n" + "c2,,b@example.com,,,name\n");

        assertThat(ManifestReaderTest.only(read)).isEqualTo(new Rejection(2, "c1", RejectReason.FIELD_TOO_LONG));
        assertThat(read.rows()).extracting(ManifestRow::line).containsExactly(3L);
    }

    @Test
    void email_internationalizedDomainToPunycode_lookupLowerCase() {
        ManifestRow row =
                read(HEADER + "c1,,User.Name@Bücher.Example,,,email\n").row("c1");

        assertThat(row.email().orElseThrow().value()).isEqualTo("User.Name@xn--bcher-kva.example");
        assertThat(row.email().orElseThrow().lookupForm()).isEqualTo("user.name@xn--bcher-kva.example");
    }

    @Test
    void email_syntaxAndLengths() {
        assertThat(reasonOf("c1,,a@@example.com,,,name")).isEqualTo(RejectReason.INVALID_EMAIL);
        assertThat(reasonOf("c1,,a b@example.com,,,name")).isEqualTo(RejectReason.INVALID_EMAIL);
        assertThat(reasonOf("c1,,a@example,,,name")).isEqualTo(RejectReason.INVALID_EMAIL);
        assertThat(reasonOf("c1,,.a@example.com,,,name")).isEqualTo(RejectReason.INVALID_EMAIL);
        assertThat(reasonOf("c1,," + "a".repeat(65) + "@example.com,,,name")).isEqualTo(RejectReason.INVALID_EMAIL);
        assertThat(read(HEADER + "c1,," + "a".repeat(64) + "@example.com,,,name\n")
                        .rejections())
                .isEmpty();
        String longDomain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + "." + "e".repeat(58);
        assertThat(reasonOf("c1,," + "a".repeat(10) + "@" + longDomain + ",,,name"))
                .isEqualTo(RejectReason.INVALID_EMAIL);
    }

    @Test
    void contacts_droppedOrRejectedByTheDocumentedRule() {
        ManifestReaderTest.Read read = read(HEADER
                + "c1,,bad-email,010-1234-5678,,name\n"
                + "c2,,a@example.com,12,,name\n"
                + "c3,,bad-email,,,name\n"
                + "c4,,,12,,name\n"
                + "c5,,,,,name\n"
                + "c6,,bad-email,12,,name\n"
                + "c7,,  ,  ,,name\n");

        assertThat(read.summary().droppedEmails()).isEqualTo(1);
        assertThat(read.summary().droppedPhones()).isEqualTo(1);
        assertThat(read.rows()).extracting(ManifestRow::customerId).containsExactly("c1", "c2");
        assertThat(read.rejections())
                .extracting(Rejection::reason)
                .containsExactly(
                        RejectReason.INVALID_EMAIL,
                        RejectReason.INVALID_PHONE,
                        RejectReason.NO_CONTACT,
                        RejectReason.INVALID_EMAIL,
                        RejectReason.NO_CONTACT);
    }

    @Test
    void phone_landlineKeptWithoutSms_mobileWithSms() {
        ManifestReaderTest.Read read = read(HEADER + "c1,,,02-312-3456,,name\nc2,,,+82 10 1234 5678,,name\n");

        assertThat(read.row("c1").phone().orElseThrow().smsCapable()).isFalse();
        assertThat(read.row("c1").phone().orElseThrow().value()).isEqualTo("+8223123456");
        assertThat(read.row("c2").phone().orElseThrow().smsCapable()).isTrue();
    }

    @Test
    void items_vocabularyCaseSpacesEmptyCodes() {
        ManifestReaderTest.Read read = read(HEADER + "c1,,a@example.com,,, Name ; ORDER_history;;\n");
        assertThat(read.row("c1").items()).containsExactlyInAnyOrder(ItemKind.NAME, ItemKind.ORDER_HISTORY);
        assertThat(reasonOf("c1,,a@example.com,,,name;password")).isEqualTo(RejectReason.UNKNOWN_ITEM);
        assertThat(reasonOf("c1,,a@example.com,,,address book")).isEqualTo(RejectReason.UNKNOWN_ITEM);
        assertThat(reasonOf("c1,,a@example.com,,, ; ")).isEqualTo(RejectReason.NO_ITEMS);
        assertThat(reasonOf("c1,,a@example.com,,,")).isEqualTo(RejectReason.NO_ITEMS);
    }

    @Test
    void locale_emptyIsKorean_caseIgnored_othersRejected() {
        ManifestReaderTest.Read read = read(HEADER + "c1,,a@example.com,,,name\nc2,,b@example.com,, EN ,name\n");
        assertThat(read.row("c1").locale()).isEqualTo(NoticeLocale.KO);
        assertThat(read.row("c2").locale()).isEqualTo(NoticeLocale.EN);
        assertThat(reasonOf("c1,,a@example.com,,fr,name")).isEqualTo(RejectReason.UNKNOWN_LOCALE);
    }

    @Test
    void blankLines_whitespaceOnlyAndFinalLineWithoutBreak_countedNotRejected() {
        ManifestReaderTest.Read read =
                read(HEADER + "\n   \n\t\r\nc1,,a@example.com,,,name\n\nc2,,b@example.com,,,name");

        assertThat(read.summary().blank()).isEqualTo(4);
        assertThat(read.summary().rows()).isEqualTo(2);
        assertThat(read.acceptedLines()).containsExactly(5L, 7L);
    }

    @Test
    void multiLineRecordInAnIgnoredColumn_acceptedAndLaterLinesKeepTheirNumbers() {
        ManifestReaderTest.Read read = read("customer_id,email,affected,note\n"
                + "c1,a@example.com,name,\"first\r\nsecond\r\nthird\"\n"
                + "c2,b@example.com,name,x\n");

        assertThat(read.acceptedLines()).containsExactly(2L, 5L);
    }

    @Test
    void wrongColumnCount_moreOrFewer() {
        assertThat(reasonOf("c1,,a@example.com,,,name,extra")).isEqualTo(RejectReason.WRONG_COLUMN_COUNT);
        assertThat(reasonOf("c1,,a@example.com")).isEqualTo(RejectReason.WRONG_COLUMN_COUNT);
    }

    @Test
    void invalidUtf8_rejectedWithTheLineAndNoReadableId() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HEADER + "c1,Kim").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        bytes.writeBytes(",a@example.com,,,name\nc2,,b@example.com,,,name\n".getBytes(StandardCharsets.UTF_8));

        ManifestReaderTest.Read read = ManifestReaderTest.read(bytes.toByteArray());

        assertThat(ManifestReaderTest.only(read)).isEqualTo(new Rejection(2, "", RejectReason.INVALID_UTF8));
        assertThat(read.acceptedLines()).containsExactly(3L);
    }

    @Test
    void sameCustomer_sameContactsMerge_otherContactsConflict_normalizedComparison() {
        ManifestReaderTest.Read read = read(HEADER
                + "c1,,A@Example.com,010-1234-5678,,name\n"
                + "c1,,a@example.COM,+82 10-1234-5678,,phone\n"
                + "c1,,a@example.com,,,email\n"
                + "c1,,b@example.com,010-1234-5678,,email\n");

        assertThat(read.summary().merged()).isEqualTo(1);
        assertThat(read.summary().subjects()).isEqualTo(1);
        assertThat(read.rejections())
                .containsExactly(
                        new Rejection(4, "c1", RejectReason.CONFLICTING_CONTACT),
                        new Rejection(5, "c1", RejectReason.CONFLICTING_CONTACT));
    }
}
