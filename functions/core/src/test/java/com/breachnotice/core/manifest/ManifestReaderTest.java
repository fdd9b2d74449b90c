package com.breachnotice.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactNormalizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestReaderTest {

    static final String HEADER = "customer_id,name,email,phone,locale,affected\n";

    record Read(ManifestSummary summary, List<ManifestRow> rows, List<Rejection> rejections) {
        ManifestRow row(String customerId) {
            return rows.stream()
                    .filter(r -> r.customerId().equals(customerId))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no accepted row for " + customerId));
        }

        List<Long> acceptedLines() {
            return rows.stream().map(ManifestRow::line).toList();
        }
    }

    static Read read(String csv) {
        return read(csv.getBytes(StandardCharsets.UTF_8));
    }

    static Read read(byte[] bytes) {
        List<ManifestRow> rows = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        try {
            ManifestSummary summary = new ManifestReader(ContactNormalizer.korea())
                    .read(new ByteArrayInputStream(bytes), new ManifestVisitor() {
                        @Override
                        public void accepted(ManifestRow row) {
                            rows.add(row);
                        }

                        @Override
                        public void rejected(Rejection rejection) {
                            rejections.add(rejection);
                        }
                    });
            return new Read(summary, rows, rejections);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Rejection only(Read read) {
        assertThat(read.rejections()).hasSize(1);
        return read.rejections().get(0);
    }

    @Test
    void read_validRow_acceptedWithNormalizedValues() {
        Read read = read(HEADER + "c1,김민지,Kim.Minji@Example.COM,010-1234-5678,en,name; EMAIL ;address_book\n");

        ManifestRow row = read.row("c1");
        assertThat(row.line()).isEqualTo(2);
        assertThat(row.name()).isEqualTo("김민지");
        assertThat(row.email().orElseThrow().value()).isEqualTo("Kim.Minji@example.com");
        assertThat(row.email().orElseThrow().lookupForm()).isEqualTo("kim.minji@example.com");
        assertThat(row.phone().orElseThrow().value()).isEqualTo("+821012345678");
        assertThat(row.phone().orElseThrow().smsCapable()).isTrue();
        assertThat(row.locale()).isEqualTo(NoticeLocale.EN);
        assertThat(row.items()).containsExactlyInAnyOrder(ItemKind.NAME, ItemKind.EMAIL, ItemKind.ADDRESS_BOOK);
        assertThat(read.summary().accepted()).isEqualTo(1);
        assertThat(read.summary().rejected()).isZero();
    }

    @Test
    void read_eachRejectReason_reportedWithItsLine() {
        String longName = "가".repeat(201);
        String csv = HEADER
                + ",이름,a@example.com,,,name\n" // 2 missing customer id
                + "c3,이름,,,,name\n" // 3 no contact
                + "c4,이름,not-an-email,,,name\n" // 4 invalid email
                + "c5,이름,,123,,name\n" // 5 invalid phone
                + "c6,이름,a6@example.com,,,password\n" // 6 unknown item
                + "c7,이름,a7@example.com,,, ; \n" // 7 no items
                + "c8,이름,a8@example.com,,fr,name\n" // 8 unknown locale
                + "c9," + longName + ",a9@example.com,,,name\n" // 9 too long
                + "c10,이\u0007름,a10@example.com,,,name\n" // 10 control character
                + "c11,이름,a11@example.com,,,name,extra\n" // 11 wrong column count
                + "c12,\"이름\"x,a12@example.com,,,name\n" // 12 text after closing quote
                + "c13,이름,a13@example.com,,,name\n" // 13 accepted
                + "c13,이름,other@example.com,,,name\n"; // 14 conflicting contact
        byte[] utf8 = csv.getBytes(StandardCharsets.UTF_8);
        byte[] badUtf8Row = "c15,\u0000\u0000,a15@example.com,,,name\n".getBytes(StandardCharsets.UTF_8);
        badUtf8Row[4] = (byte) 0xC3; // 0xC3 0x28 is not UTF-8
        badUtf8Row[5] = (byte) 0x28;
        String unterminated = "c16,\"이름,a16@example.com,,,name\n"; // 16 quote never closed
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(utf8);
        all.writeBytes(badUtf8Row);
        all.writeBytes(unterminated.getBytes(StandardCharsets.UTF_8));

        Read read = read(all.toByteArray());

        assertThat(read.rejections())
                .containsExactly(
                        new Rejection(2, "", RejectReason.MISSING_CUSTOMER_ID),
                        new Rejection(3, "c3", RejectReason.NO_CONTACT),
                        new Rejection(4, "c4", RejectReason.INVALID_EMAIL),
                        new Rejection(5, "c5", RejectReason.INVALID_PHONE),
                        new Rejection(6, "c6", RejectReason.UNKNOWN_ITEM),
                        new Rejection(7, "c7", RejectReason.NO_ITEMS),
                        new Rejection(8, "c8", RejectReason.UNKNOWN_LOCALE),
                        new Rejection(9, "c9", RejectReason.FIELD_TOO_LONG),
                        new Rejection(10, "c10", RejectReason.CONTROL_CHARACTER),
                        new Rejection(11, "c11", RejectReason.WRONG_COLUMN_COUNT),
                        new Rejection(12, "", RejectReason.MALFORMED_QUOTING),
                        new Rejection(14, "c13", RejectReason.CONFLICTING_CONTACT),
                        new Rejection(15, "", RejectReason.INVALID_UTF8),
                        new Rejection(16, "", RejectReason.MALFORMED_QUOTING));
        // Every reason a customer manifest can give (the address book's own two are in AddressBookManifestTest).
        Set<RejectReason> customerReasons =
                EnumSet.complementOf(EnumSet.of(RejectReason.PHONE_NOT_AFFECTED, RejectReason.NO_MOBILE));
        assertThat(read.rejections().stream().map(Rejection::reason).distinct())
                .containsExactlyInAnyOrderElementsOf(customerReasons);
        assertThat(read.acceptedLines()).containsExactly(13L);
        assertThat(read.summary().reasons()).hasSize(customerReasons.size());
    }

    @Test
    void read_multiLineQuotedField_laterLinesShift() {
        Read read = read(HEADER
                + "c1,\"Kim\nMinji\",a1@example.com,,,name\n" // lines 2-3, a line break is a control character
                + "c2,\"Lee, \"\"Jun\"\"\",a2@example.com,,,name\n" // line 4
                + "\n" // line 5, blank
                + "c3,Park,a3@example.com,,,name\n"); // line 6

        assertThat(read.rejections()).containsExactly(new Rejection(2, "c1", RejectReason.CONTROL_CHARACTER));
        assertThat(read.acceptedLines()).containsExactly(4L, 6L);
        assertThat(read.row("c2").name()).isEqualTo("Lee, \"Jun\"");
        assertThat(read.summary().blank()).isEqualTo(1);
    }

    @Test
    void read_bomAndCrlf_readLikePlainLf() {
        byte[] body = ("Customer_ID,NAME,Email,phone,locale,affected\r\n" + "c1,Kim,a@example.com,,ko,name\r\n"
                        + "c2,\"Lee\",b@example.com,,,email\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        Read read = read(withBom);

        assertThat(read.rejections()).isEmpty();
        assertThat(read.acceptedLines()).containsExactly(2L, 3L);
        assertThat(read.row("c1").name()).isEqualTo("Kim");
        assertThat(read.row("c2").items()).containsExactly(ItemKind.EMAIL);
    }

    @Test
    void read_headersInAnyOrderAndCase_mappedByName() {
        Read read = read(" AFFECTED ,Phone,CUSTOMER_ID,Locale\n" + "order_history,010-2222-3333,c1,EN\n");

        ManifestRow row = read.row("c1");
        assertThat(row.items()).containsExactly(ItemKind.ORDER_HISTORY);
        assertThat(row.phone().orElseThrow().value()).isEqualTo("+821022223333");
        assertThat(row.email()).isEmpty();
        assertThat(row.locale()).isEqualTo(NoticeLocale.EN);
        assertThat(row.name()).isEmpty();
    }

    @Test
    void read_unknownColumns_reportedOnceNotPerRow() {
        Read read = read("customer_id,loyalty_tier,email,affected\n" + "c1,gold,a@example.com,name\n"
                + "c2,silver,b@example.com,name\n");

        assertThat(read.summary().unknownColumns()).containsExactly("loyalty_tier");
        assertThat(read.summary().accepted()).isEqualTo(2);
    }

    @Test
    void read_blankLines_countedNotRejected() {
        Read read = read(HEADER + "\n" + "c1,Kim,a@example.com,,,name\n" + "   \n" + "\n");

        assertThat(read.summary().blank()).isEqualTo(3);
        assertThat(read.summary().rows()).isEqualTo(1);
        assertThat(read.rejections()).isEmpty();
        assertThat(read.acceptedLines()).containsExactly(3L);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "name,email,phone,affected",
                "customer_id,name,email,phone",
                "customer_id,name,affected",
                "email,name",
                "customer_id,email,email,affected",
                ""
            })
    void read_headerUnusable_throwsAndVisitsNothing(String header) {
        List<Object> visited = new ArrayList<>();
        ManifestReader reader = new ManifestReader(ContactNormalizer.korea());
        byte[] bytes = (header + "\nc1,Kim,a@example.com,010-1234-5678,name\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bytes), new ManifestVisitor() {
                    @Override
                    public void accepted(ManifestRow row) {
                        visited.add(row);
                    }

                    @Override
                    public void rejected(Rejection rejection) {
                        visited.add(rejection);
                    }
                }))
                .isInstanceOf(ManifestFormatException.class);
        assertThat(visited).isEmpty();
    }

    @Test
    void read_headerWithoutEmailAndPhone_reasonNamesTheMissingColumns() {
        assertThatThrownBy(() -> read("customer_id,name\nc1,Kim\n"))
                .isInstanceOf(ManifestFormatException.class)
                .hasMessageContaining("affected")
                .hasMessageContaining("email or phone");
    }

    @Test
    void read_sameCustomerSameContacts_mergedAndCounted() {
        Read read = read(HEADER + "c1,Kim,A@Example.com,010-1234-5678,,name\n"
                + "c1,Kim,a@example.com,+82 10 1234 5678,,order_history\n");

        assertThat(read.rows()).hasSize(2);
        assertThat(read.summary().merged()).isEqualTo(1);
        assertThat(read.summary().accepted()).isEqualTo(2);
        assertThat(read.summary().subjects()).isEqualTo(1);
        assertThat(read.rows().get(1).items()).containsExactly(ItemKind.ORDER_HISTORY);
    }

    @Test
    void read_sameCustomerOtherPhone_conflictingContact() {
        Read read = read(
                HEADER + "c1,Kim,a@example.com,010-1234-5678,,name\n" + "c1,Kim,a@example.com,010-9999-8888,,name\n");

        assertThat(only(read)).isEqualTo(new Rejection(3, "c1", RejectReason.CONFLICTING_CONTACT));
        assertThat(read.summary().merged()).isZero();
    }

    @Test
    void read_invalidEmailUsablePhone_keptWithoutEmailAndCounted() {
        Read read = read(HEADER + "c1,Kim,kim@@example,010-1234-5678,,name\n");

        ManifestRow row = read.row("c1");
        assertThat(row.email()).isEmpty();
        assertThat(row.phone()).isPresent();
        assertThat(read.summary().droppedEmails()).isEqualTo(1);
        assertThat(read.summary().droppedPhones()).isZero();
    }

    @Test
    void read_invalidPhoneUsableEmail_keptWithoutPhoneAndCounted() {
        Read read = read(HEADER + "c1,Kim,kim@example.com,12,,name\n");

        ManifestRow row = read.row("c1");
        assertThat(row.phone()).isEmpty();
        assertThat(row.email()).isPresent();
        assertThat(read.summary().droppedPhones()).isEqualTo(1);
        assertThat(read.summary().droppedEmails()).isZero();
    }

    @Test
    void read_koreanLandline_keptButNotSmsCapable() {
        Read read = read(HEADER + "c1,Kim,,02-312-3456,,name\n");

        Contact phone = read.row("c1").phone().orElseThrow();
        assertThat(phone.value()).isEqualTo("+8223123456");
        assertThat(phone.smsCapable()).isFalse();
    }

    @Test
    void read_koreanMobileInSeveralForms_sameE164() {
        Read read = read(HEADER + "c1,,,010-1234-5678,,name\n" + "c2,,,01012345678,,name\n"
                + "c3,,,+82 10-1234-5678,,name\n" + "c4,,,+821012345678,,name\n"
                + "c5,,,(010) 1234 5678,,name\n" + "c6,,,010.1234.5678,,name\n");

        assertThat(read.rejections()).isEmpty();
        assertThat(read.rows())
                .extracting(r -> r.phone().orElseThrow().value())
                .containsOnly("+821012345678")
                .hasSize(6);
    }

    @Test
    void read_internationalizedDomain_punycode() {
        Read read = read(HEADER + "c1,,user@Bücher.example,,,name\n" + "c2,,관리자@example.com,,,name\n"
                + "c3,,kim@한국.kr,,,name\n");

        assertThat(read.row("c1").email().orElseThrow().value()).isEqualTo("user@xn--bcher-kva.example");
        assertThat(read.row("c3").email().orElseThrow().value()).isEqualTo("kim@xn--3e0b707e.kr");
        assertThat(read.rejections()).containsExactly(new Rejection(3, "c2", RejectReason.INVALID_EMAIL));
    }

    @Test
    void read_emailCase_domainLowerLocalKeptLookupLower() {
        Contact email = read(HEADER + "c1,,Kim.MinJi@EXAMPLE.Com,,,name\n")
                .row("c1")
                .email()
                .orElseThrow();

        assertThat(email.value()).isEqualTo("Kim.MinJi@example.com");
        assertThat(email.lookupForm()).isEqualTo("kim.minji@example.com");
    }

    @Test
    void read_unterminatedQuote_costsOnlyItsLineAndTheRestLoads() {
        StringBuilder csv = new StringBuilder(HEADER).append("c1,\"Kim,a1@example.com,,,name\n");
        for (int i = 2; i <= 30; i++) {
            csv.append("c")
                    .append(i)
                    .append(",Name")
                    .append(i)
                    .append(",a")
                    .append(i)
                    .append("@example.com,,,name\n");
        }

        Read read = read(csv.toString());

        assertThat(read.rejections()).containsExactly(new Rejection(2, "", RejectReason.MALFORMED_QUOTING));
        assertThat(read.summary().accepted()).isEqualTo(29);
        assertThat(read.acceptedLines().get(0)).isEqualTo(3L);
        assertThat(read.acceptedLines().get(28)).isEqualTo(31L);
    }

    @Test
    void read_unterminatedQuoteNearEnd_restOfLinesStillRead() {
        Read read = read(HEADER + "c1,\"Kim,a1@example.com,,,name\n" + "c2,Lee,a2@example.com,,,name\n");

        assertThat(read.rejections()).containsExactly(new Rejection(2, "", RejectReason.MALFORMED_QUOTING));
        assertThat(read.acceptedLines()).containsExactly(3L);
    }

    @Test
    void read_strayQuoteThenLaterOddQuote_rowsBetweenNotLost() {
        Read read = read(HEADER + "c1,\"Kim,a1@example.com,,,name\n" // 2 stray quote
                + "c2,Lee,a2@example.com,,,name\n" // 3
                + "c3,Park,a3@example.com,,,name\n" // 4
                + "c4,O\"Brien,a4@example.com,,,name\n" // 5 a quote inside an unquoted field
                + "c5,Choi,a5@example.com,,,name\n"); // 6

        assertThat(read.summary().rows()).isEqualTo(5);
        assertThat(read.summary().accepted() + read.summary().rejected()).isEqualTo(5);
        assertThat(read.acceptedLines()).contains(3L, 4L, 6L);
    }

    @Test
    void read_invalidUtf8_rejectsOnlyThatRow() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HEADER + "c1,Kim,a1@example.com,,,name\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("c2,".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        bytes.writeBytes(",a2@example.com,,,name\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("c3,이순신,a3@example.com,,,name\n".getBytes(StandardCharsets.UTF_8));

        Read read = read(bytes.toByteArray());

        assertThat(read.rejections()).containsExactly(new Rejection(3, "", RejectReason.INVALID_UTF8));
        assertThat(read.acceptedLines()).containsExactly(2L, 4L);
        assertThat(read.row("c3").name()).isEqualTo("이순신");
    }

    @Test
    void read_mixedFile_acceptedPlusRejectedEqualsRows() {
        Read read = read(HEADER + "c1,Kim,a1@example.com,,,name\n" + "\n" + "c2,Lee,,,,name\n"
                + "c3,Park,a3@example.com,,,name\n" + "c3,Park,a3@example.com,,,email\n" + "c4,,bad,,,name\n");

        ManifestSummary summary = read.summary();
        assertThat(summary.rows()).isEqualTo(5);
        assertThat(summary.accepted()).isEqualTo(3);
        assertThat(summary.rejected()).isEqualTo(2);
        assertThat(summary.accepted() + summary.rejected()).isEqualTo(summary.rows());
        assertThat(summary.blank()).isEqualTo(1);
        assertThat(summary.merged()).isEqualTo(1);
        assertThat(summary.subjects()).isEqualTo(2);
        assertThat(summary.reasons())
                .containsEntry(RejectReason.NO_CONTACT, 1L)
                .containsEntry(RejectReason.INVALID_EMAIL, 1L);
    }

    @Test
    void read_itemCodes_caseAndSpacesAndEmptyCodesForgiven() {
        Set<ItemKind> items = read(HEADER + "c1,,a@example.com,,, Name ;;ENTRANCE_code;\n")
                .row("c1")
                .items();

        assertThat(items).isEqualTo(EnumSet.of(ItemKind.NAME, ItemKind.ENTRANCE_CODE));
    }
}
