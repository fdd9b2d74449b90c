package com.breachnotice.cli.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.cli.BreachNoticeCli;
import com.breachnotice.cli.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestCheckCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void check_json_lastLineHoldsEveryCount() throws IOException {
        Path manifest = write(
                "customer_id,name,email,phone,locale,affected",
                "C1,김민준,minjun@example.com,010-0123-4567,ko,name;email",
                "C2,이서연,MINJUN@example.com,,ko,address_book",
                "",
                "C3,Emma Hall,,010-1234-0000,en,phone",
                "C3,Emma Hall,,010-1234-0000,en,order_history",
                "C4,박지우,,,ko,name",
                "C5,최도윤,bad@@example.com,010-0999-1111,ko,password",
                "C6,정하윤,broken@@example.com,010-0999-2222,ko,entrance_code",
                "C7,\"강\"x,c7@example.org,,ko,name");

        int status = run("manifest", "check", manifest.toString(), "--json");

        assertThat(status).isZero();
        List<String> lines = out.toString().lines().toList();
        JsonNode json = Json.mapper().readTree(lines.get(lines.size() - 1));
        assertThat(json.path("rows").asLong()).isEqualTo(8);
        assertThat(json.path("blank").asLong()).isEqualTo(1);
        assertThat(json.path("accepted").asLong()).isEqualTo(5);
        assertThat(json.path("rejected").asLong()).isEqualTo(3);
        assertThat(json.path("merged").asLong()).isEqualTo(1);
        assertThat(json.path("subjects").asLong()).isEqualTo(4);
        assertThat(json.path("emails").asLong()).isEqualTo(1);
        assertThat(json.path("phones").asLong()).isEqualTo(3);
        assertThat(json.path("sms_capable").asLong()).isEqualTo(3);
        assertThat(json.path("dropped").path("email").asLong()).isEqualTo(1);
        assertThat(json.path("dropped").path("phone").asLong()).isZero();
        assertThat(json.path("reasons").path("no_contact").asLong()).isEqualTo(1);
        assertThat(json.path("reasons").path("unknown_item").asLong()).isEqualTo(1);
        assertThat(json.path("reasons").path("malformed_quoting").asLong()).isEqualTo(1);
        assertThat(out.toString()).doesNotContain("minjun", "010-", "김민준");
    }

    @Test
    void check_rejects_writesTheReport() throws IOException {
        Path manifest =
                write("customer_id,name,email,phone,locale,affected", "C1,,a@example.com,,ko,name", "=C2,,,,ko,name");
        Path report = dir.resolve("rejects.csv");

        int status = run("manifest", "check", manifest.toString(), "--rejects", report.toString());

        assertThat(status).isZero();
        assertThat(Files.readString(report)).isEqualTo("line,customer_id,reason\n3,\"'=C2\",no_contact\n");
    }

    @Test
    void check_unusableHeader_exits2WithTheReason() throws IOException {
        Path manifest = write("id,mail", "C1,a@example.com");

        int status = run("manifest", "check", manifest.toString(), "--json");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("customer_id");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void check_missingFile_exits2() {
        assertThat(run("manifest", "check", dir.resolve("none.csv").toString())).isEqualTo(2);
    }

    @Test
    void generate_thenCheck_acceptsAllButTheDeliberatelyBadRows() throws IOException {
        Path manifest = dir.resolve("m.csv");
        assertThat(run("manifest", "generate", "--customers", "1000", "--seed", "4", "--out", manifest.toString()))
                .isZero();
        out.getBuffer().setLength(0);

        assertThat(run("manifest", "check", manifest.toString(), "--json")).isZero();

        List<String> lines = out.toString().lines().toList();
        JsonNode json = Json.mapper().readTree(lines.get(lines.size() - 1));
        assertThat(json.path("rows").asLong()).isEqualTo(1000);
        assertThat(json.path("rejected").asLong()).isBetween(3L, 40L);
        assertThat(json.path("accepted").asLong() + json.path("rejected").asLong())
                .isEqualTo(1000);
    }

    @Test
    void check_directoryEmptyFileOrDuplicateColumn_exit2WithNothingOnStandardOutput() throws IOException {
        assertThat(run("manifest", "check", dir.toString(), "--json")).isEqualTo(2);
        Path empty = dir.resolve("empty.csv");
        Files.write(empty, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        assertThat(run("manifest", "check", empty.toString(), "--json")).isEqualTo(2);
        Path twice = write("customer_id,email,EMAIL,affected", "c1,a@example.com,b@example.com,name");
        assertThat(run("manifest", "check", twice.toString(), "--json")).isEqualTo(2);

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("cannot be read");
    }

    @Test
    void check_json_hasExactlyTheDocumentedFields() throws IOException {
        Path manifest = write("customer_id,email,affected", "c1,a@example.com,name");

        run("manifest", "check", manifest.toString(), "--json");

        List<String> lines = out.toString().lines().toList();
        JsonNode json = Json.mapper().readTree(lines.get(lines.size() - 1));
        List<String> fields = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactly(
                        "rows",
                        "blank",
                        "accepted",
                        "rejected",
                        "merged",
                        "subjects",
                        "emails",
                        "phones",
                        "sms_capable",
                        "dropped",
                        "reasons");
        List<String> dropped = new java.util.ArrayList<>();
        json.path("dropped").fieldNames().forEachRemaining(dropped::add);
        assertThat(dropped).containsExactly("email", "phone");
    }

    private static final String BOOK_HEADER = "owner_customer_id,name,phone,locale,affected";

    @Test
    void check_addressBook_jsonLineHasExactlyTheDocumentedFields() throws IOException {
        Path book = write(
                BOOK_HEADER,
                "C1,김민지,010-0123-4567,ko,name;phone;address",
                "C2,,+82 10 0123 4567,,phone;entrance_code",
                "",
                "C3,,02-2123-4567,ko,phone",
                "C4,,010-0999-1111,ko,name;address",
                "C5,,010-0999-2222,ko,phone;email");

        assertThat(run("manifest", "check", book.toString(), "--json")).isZero();

        List<String> lines = out.toString().lines().toList();
        JsonNode json = Json.mapper().readTree(lines.get(lines.size() - 1));
        List<String> fields = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactly(
                        "kind",
                        "rows",
                        "blank",
                        "accepted",
                        "rejected",
                        "people",
                        "merged",
                        "also_customers",
                        "reasons");
        assertThat(json.path("kind").asText()).isEqualTo("address_book");
        assertThat(json.path("rows").asLong()).isEqualTo(5);
        assertThat(json.path("blank").asLong()).isEqualTo(1);
        assertThat(json.path("accepted").asLong()).isEqualTo(2);
        assertThat(json.path("rejected").asLong()).isEqualTo(3);
        assertThat(json.path("people").asLong()).isEqualTo(1);
        assertThat(json.path("merged").asLong()).isEqualTo(1);
        assertThat(json.path("also_customers").asLong()).isZero();
        assertThat(json.path("reasons").path("no_mobile").asLong()).isEqualTo(1);
        assertThat(json.path("reasons").path("phone_not_affected").asLong()).isEqualTo(1);
        assertThat(json.path("reasons").path("unknown_item").asLong()).isEqualTo(1);
        assertThat(out.toString()).doesNotContain("010-", "김민지", "+82");
    }

    @Test
    void check_customersWithAddressBook_reportsPeopleAlsoCustomers() throws IOException {
        Path customers = dir.resolve("customers.csv");
        Files.writeString(
                customers,
                "customer_id,email,phone,affected\nC1,a@example.com,010-0123-4567,name\nC2,,010-0555-0000,name\n",
                StandardCharsets.UTF_8);
        Path book = write(BOOK_HEADER, "C9,,01001234567,ko,phone", "C9,,010-0777-0000,ko,phone");

        assertThat(run("manifest", "check", customers.toString(), "--address-book", book.toString(), "--json"))
                .isZero();

        List<String> lines = out.toString().lines().toList();
        JsonNode json = Json.mapper().readTree(lines.get(lines.size() - 1));
        assertThat(json.path("accepted").asLong()).isEqualTo(2);
        assertThat(json.path("address_book").path("people").asLong()).isEqualTo(2);
        assertThat(json.path("address_book").path("also_customers").asLong()).isEqualTo(1);
        assertThat(out.toString()).contains("1 of its 2 people are also customers");
    }

    @Test
    void check_addressBookGivenAsCustomers_exits2() throws IOException {
        Path book = write(BOOK_HEADER, "C9,,01001234567,ko,phone");

        assertThat(run("manifest", "check", book.toString(), "--address-book", book.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("customer manifest");
    }

    @Test
    void generate_addressBook_thenCheckBoth_entriesShareCustomerPhonesAndBadOnesRejected() throws IOException {
        Path customers = dir.resolve("c.csv");
        Path book = dir.resolve("b.csv");
        assertThat(run(
                        "manifest",
                        "generate",
                        "--customers",
                        "2000",
                        "--seed",
                        "7",
                        "--out",
                        customers.toString(),
                        "--address-book",
                        book.toString()))
                .isZero();
        out.getBuffer().setLength(0);

        assertThat(run("manifest", "check", customers.toString(), "--address-book", book.toString(), "--json"))
                .isZero();

        List<String> lines = out.toString().lines().toList();
        JsonNode entries = Json.mapper().readTree(lines.get(lines.size() - 1)).path("address_book");
        assertThat(entries.path("rows").asLong()).isEqualTo(1000);
        assertThat(entries.path("also_customers").asLong()).isBetween(20L, 100L);
        assertThat(entries.path("merged").asLong())
                .as("popular phones in many books")
                .isGreaterThan(20);
        assertThat(entries.path("reasons").path("no_mobile").asLong()).isBetween(15L, 70L);
        assertThat(entries.path("rejected").asLong()).isLessThan(100);
    }

    @Test
    void generate_toStandardOutput_goesThroughPicoclisWriter() {
        assertThat(run("manifest", "generate", "--customers", "3")).isZero();

        assertThat(out.toString().lines().toList()).hasSize(4).first().isEqualTo(SyntheticManifest.HEADER);
    }

    @Test
    void unknownOption_exits2() {
        assertThat(run("manifest", "check", "--frobnicate")).isEqualTo(2);
    }

    private int run(String... args) {
        return BreachNoticeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    private Path write(String... lines) throws IOException {
        Path file = dir.resolve("manifest.csv");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
