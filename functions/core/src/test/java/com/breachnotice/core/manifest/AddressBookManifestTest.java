package com.breachnotice.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The address-book kind of manifest (docs/manifest.md), one rule per test. */
class AddressBookManifestTest {

    private static final String HEADER = "owner_customer_id,name,phone,locale,affected\n";

    private static ManifestReaderTest.Read read(String rows) {
        return ManifestReaderTest.read(HEADER + rows);
    }

    private static RejectReason onlyReason(String row) {
        ManifestReaderTest.Read read = read(row + "\n");
        assertThat(read.rows()).as("accepted rows").isEmpty();
        assertThat(read.rejections()).hasSize(1);
        assertThat(read.rejections().get(0).line()).isEqualTo(2);
        return read.rejections().get(0).reason();
    }

    @Test
    void header_ownerCustomerId_toldAsAddressBook_emailColumnIgnoredAndReported() {
        ManifestHeader header = ManifestHeader.parse("Phone, OWNER_CUSTOMER_ID ,affected,email");

        assertThat(header.kind()).isEqualTo(ManifestKind.ADDRESS_BOOK);
        assertThat(header.customerId()).isEqualTo(1);
        assertThat(header.email()).isEqualTo(-1);
        assertThat(header.unknown()).containsExactly("email");
        assertThat(ManifestHeader.parse("customer_id,email,affected").kind()).isEqualTo(ManifestKind.CUSTOMERS);
    }

    @Test
    void header_bothIdColumns_fileRefused() {
        assertThatThrownBy(() -> ManifestHeader.parse("customer_id,owner_customer_id,phone,affected"))
                .isInstanceOf(ManifestFormatException.class)
                .hasMessageContaining("both customer_id and owner_customer_id");
    }

    @Test
    void header_withoutPhone_fileRefusedNamingTheColumn() {
        assertThatThrownBy(() -> ManifestHeader.parse("owner_customer_id,name,affected"))
                .isInstanceOf(ManifestFormatException.class)
                .hasMessageContaining("phone");
    }

    @Test
    void read_validEntry_acceptedWithMobileAndItems_localeDefaultsToKo() {
        ManifestReaderTest.Read read = read("C1,김민지,010-0123-4567,,name;phone;address;entrance_code\n");

        assertThat(read.rejections()).isEmpty();
        ManifestRow row = read.rows().get(0);
        assertThat(row.kind()).isEqualTo(ManifestKind.ADDRESS_BOOK);
        assertThat(row.customerId()).isEqualTo("C1");
        assertThat(row.locale()).isEqualTo(NoticeLocale.KO);
        assertThat(row.email()).isEmpty();
        assertThat(row.phone().orElseThrow().value()).isEqualTo("+821001234567");
        assertThat(row.phone().orElseThrow().smsCapable()).isTrue();
        assertThat(row.items())
                .isEqualTo(EnumSet.of(ItemKind.NAME, ItemKind.PHONE, ItemKind.ADDRESS, ItemKind.ENTRANCE_CODE));
    }

    @Test
    void read_samePhoneInManyEntries_onePersonWithLaterEntriesMerged() {
        ManifestReaderTest.Read read = read("C1,,010-0123-4567,ko,phone\n"
                + "C2,,+82 10 0123 4567,ko,phone;address\n"
                + "C3,,01001234567,en,phone;entrance_code\n"
                + "C3,,010-0999-1111,ko,phone\n");

        assertThat(read.summary().accepted()).isEqualTo(4);
        assertThat(read.summary().merged()).isEqualTo(2);
        assertThat(read.summary().subjects()).isEqualTo(2);
        assertThat(read.rows()).extracting(ManifestRow::repeat).containsExactly(false, true, true, false);
    }

    @Test
    void read_phoneNotAmongAffected_rejectedPhoneNotAffected() {
        assertThat(onlyReason("C1,,010-0123-4567,ko,name;address")).isEqualTo(RejectReason.PHONE_NOT_AFFECTED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"02-2123-4567", "031-123-4567", "010-123", "not a number", "1588-0000"})
    void read_landlineOrInvalidPhone_rejectedNoMobile(String phone) {
        assertThat(onlyReason("C1,,\"" + phone + "\",ko,phone")).isEqualTo(RejectReason.NO_MOBILE);
    }

    @Test
    void read_emptyPhone_rejectedNoContact() {
        assertThat(onlyReason("C1,,,ko,phone")).isEqualTo(RejectReason.NO_CONTACT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"email", "order_history", "address_book", "password"})
    void read_itemOutsideTheAddressBookVocabulary_rejectedUnknownItem(String item) {
        assertThat(onlyReason("C1,,010-0123-4567,ko,phone;" + item)).isEqualTo(RejectReason.UNKNOWN_ITEM);
    }

    @Test
    void read_noItems_rejectedNoItems() {
        assertThat(onlyReason("C1,,010-0123-4567,ko, ; ")).isEqualTo(RejectReason.NO_ITEMS);
    }

    @Test
    void read_unknownLocale_rejectedUnknownLocale() {
        assertThat(onlyReason("C1,,010-0123-4567,jp,phone")).isEqualTo(RejectReason.UNKNOWN_LOCALE);
    }

    @Test
    void read_missingOwner_rejectedMissingCustomerId() {
        assertThat(onlyReason(" ,,010-0123-4567,ko,phone")).isEqualTo(RejectReason.MISSING_CUSTOMER_ID);
    }

    @Test
    void read_nameOver200_rejectedFieldTooLong_200Accepted() {
        assertThat(onlyReason("C1," + "가".repeat(201) + ",010-0123-4567,ko,phone"))
                .isEqualTo(RejectReason.FIELD_TOO_LONG);
        assertThat(read("C1," + "가".repeat(200) + ",010-0123-4567,ko,phone\n").rows())
                .hasSize(1);
    }

    @Test
    void read_ownerIdOver64_rejectedFieldTooLong() {
        assertThat(onlyReason("C".repeat(65) + ",,010-0123-4567,ko,phone")).isEqualTo(RejectReason.FIELD_TOO_LONG);
    }

    @Test
    void read_controlCharacter_rejectedControlCharacter() {
        assertThat(onlyReason("C1,김\u0007민지,010-0123-4567,ko,phone")).isEqualTo(RejectReason.CONTROL_CHARACTER);
    }

    @Test
    void read_wrongColumnCount_rejected() {
        assertThat(onlyReason("C1,,010-0123-4567,ko")).isEqualTo(RejectReason.WRONG_COLUMN_COUNT);
    }

    @Test
    void read_strayQuote_rejectedMalformedQuoting() {
        assertThat(onlyReason("C1,\"김\"x,010-0123-4567,ko,phone")).isEqualTo(RejectReason.MALFORMED_QUOTING);
    }

    @Test
    void read_invalidUtf8_rejectedInvalidUtf8() {
        byte[] head = (HEADER + "C1,").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ",010-0123-4567,ko,phone\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3;
        bytes[head.length + 1] = (byte) 0x28;
        System.arraycopy(tail, 0, bytes, head.length + 2, tail.length);

        ManifestReaderTest.Read read = ManifestReaderTest.read(bytes);

        assertThat(read.rejections()).extracting(Rejection::reason).containsExactly(RejectReason.INVALID_UTF8);
    }

    @Test
    void read_countsAddUp_rowsAcceptedPlusRejected_blankApart() {
        ManifestReaderTest.Read read =
                read("C1,,010-0123-4567,ko,phone\n\nC2,,02-2123-4567,ko,phone\n" + "C3,,010-0123-4567,ko,phone;name\n");

        assertThat(read.summary().rows()).isEqualTo(3);
        assertThat(read.summary().blank()).isEqualTo(1);
        assertThat(read.summary().accepted() + read.summary().rejected()).isEqualTo(3);
        assertThat(read.summary().reasons()).containsEntry(RejectReason.NO_MOBILE, 1L);
        assertThat(read.rejections()).extracting(Rejection::customerId).containsExactly("C2");
        assertThat(List.of(read.summary().subjects())).containsExactly(1L);
    }

    @Test
    void customerManifest_addressItem_accepted() {
        ManifestReaderTest.Read read =
                ManifestReaderTest.read("customer_id,email,affected\nC1,a@example.com,name;address\n");

        assertThat(read.rows().get(0).items()).containsExactlyInAnyOrder(ItemKind.NAME, ItemKind.ADDRESS);
    }
}
