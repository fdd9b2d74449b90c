package com.breachnotice.cli.manifest;

import com.breachnotice.core.manifest.ItemKind;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * A made-up affected-customers manifest for demos, tests and benchmarks, the same for the same seed.
 * Nothing in it can reach a real person: emails use the reserved example domains (RFC 2606 and the
 * Korean IDN test domain) and phone numbers sit in the 010-0xxx and 010-1xxx blocks, which
 * libphonenumber accepts as Korean mobiles but which Korean carriers do not assign.
 *
 * <p>About 80% of customers read Korean. About 10% have only an email, 10% only a phone; about 1%
 * share a family email with the customer before them; about 1.5% of rows are deliberately bad (no
 * contact, an unknown affected item, broken CSV quoting) so that the rejects report has something
 * to show, and about 0.5% carry a malformed email beside a good phone (accepted, the email dropped).
 * Rows are produced one at a time: generating any number takes constant memory.
 */
public final class SyntheticManifest {

    public static final String HEADER = "customer_id,name,email,phone,locale,affected";

    /** Korean blocks that are valid mobile numbers to libphonenumber but never assigned. */
    private static final int PHONE_SPACE = 20_000_000;

    private static final int PHONE_STRIDE = 7_654_321;

    static final String[] KO_SURNAMES = {
        "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "류", "홍"
    };
    private static final String[] KO_SURNAMES_LATIN = {
        "kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "han", "oh", "seo", "shin", "kwon",
        "hwang", "ahn", "song", "ryu", "hong"
    };
    static final String[] KO_GIVEN = {
        "민준", "서연", "서준", "지우", "도윤", "하윤", "예준", "서윤", "시우", "지호", "하은", "주원", "지유", "수아", "지민", "은우", "채원", "현우",
        "지아", "유준", "다은", "건우", "소율", "우진", "예린"
    };
    private static final String[] KO_GIVEN_LATIN = {
        "minjun", "seoyeon", "seojun", "jiwoo", "doyun", "hayun", "yejun", "seoyun", "siwoo", "jiho", "haeun",
        "juwon", "jiyu", "sua", "jimin", "eunwoo", "chaewon", "hyunwoo", "jia", "yujun", "daeun", "geonwoo",
        "soyul", "woojin", "yerin"
    };
    private static final String[] EN_GIVEN = {
        "James", "Olivia", "Noah", "Emma", "Liam", "Ava", "Ethan", "Mia", "Lucas", "Sophia", "Mason", "Grace", "Daniel",
        "Chloe", "Henry", "Emily"
    };
    private static final String[] EN_SURNAMES = {
        "Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Thomas", "Walker", "Clarke", "Wright",
        "Hughes", "Green", "Baker", "Hall", "Turner"
    };
    /** The items this generator draws from, fixed so that the same seed keeps giving the same file. */
    private static final ItemKind[] CUSTOMER_ITEMS = {
        ItemKind.NAME,
        ItemKind.EMAIL,
        ItemKind.PHONE,
        ItemKind.ADDRESS_BOOK,
        ItemKind.ENTRANCE_CODE,
        ItemKind.ORDER_HISTORY
    };

    /** The phone a customer row of this seed gets, when it has one (the address book reuses some). */
    static String phoneOf(long seed, int number) {
        int offset = new SplittableRandom(seed).nextInt(PHONE_SPACE);
        return phoneAt(offset, number);
    }

    static String phoneAt(int offset, long number) {
        long slot = (offset + number * PHONE_STRIDE) % PHONE_SPACE;
        String digits = String.format(Locale.ROOT, "%08d", slot);
        return "010-" + digits.substring(0, 4) + "-" + digits.substring(4);
    }

    private static final String[] DOMAINS = {"example.com", "example.org", "example.net"};
    private static final String IDN_DOMAIN = "예시.테스트";

    /** What a generated row is meant to test. */
    public enum Defect {
        NONE,
        /** Accepted: the email is malformed and dropped, the phone carries the notice. */
        MALFORMED_EMAIL,
        NO_CONTACT,
        UNKNOWN_ITEM,
        BROKEN_QUOTING;

        /** Whether the reader must reject the row. */
        public boolean rejected() {
            return this == NO_CONTACT || this == UNKNOWN_ITEM || this == BROKEN_QUOTING;
        }
    }

    /** One generated row, as it is written (email and phone may be empty). */
    public record Row(
            String customerId, String name, String email, String phone, String locale, String affected, Defect defect) {

        /** The row as one CSV line, without the line break. */
        public String csv() {
            String nameCell = defect == Defect.BROKEN_QUOTING ? "\"" + name + "\"x" : cell(name);
            return String.join(",", cell(customerId), nameCell, cell(email), cell(phone), locale, cell(affected));
        }

        @Override
        public String toString() {
            return "Row[" + customerId + ", " + defect + "]";
        }
    }

    private final long seed;

    public SyntheticManifest(long seed) {
        this.seed = seed;
    }

    /** The rows of a manifest of {@code customers} rows, lazily. */
    public Iterator<Row> rows(int customers) {
        if (customers < 0) {
            throw new IllegalArgumentException("customers must not be negative");
        }
        return new Rows(seed, customers);
    }

    /** Writes the header and {@code customers} rows as UTF-8 CSV with LF line ends; returns counts. */
    public Counts write(OutputStream out, int customers) throws IOException {
        return write(new OutputStreamWriter(out, StandardCharsets.UTF_8), customers);
    }

    /** Writes the header and {@code customers} rows to a character stream; flushes it, leaves it open. */
    public Counts write(Writer out, int customers) throws IOException {
        Writer writer = new BufferedWriter(out, 64 * 1024);
        writer.write(HEADER);
        writer.write('\n');
        long good = 0;
        long bad = 0;
        Iterator<Row> rows = rows(customers);
        while (rows.hasNext()) {
            Row row = rows.next();
            writer.write(row.csv());
            writer.write('\n');
            if (row.defect().rejected()) {
                bad++;
            } else {
                good++;
            }
        }
        writer.flush();
        return new Counts(good + bad, good, bad);
    }

    /** How many rows were written, and how many of them are meant to be rejected. */
    public record Counts(long rows, long good, long bad) {}

    private static String cell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static final class Rows implements Iterator<Row> {
        private final SplittableRandom random;
        private final int customers;
        private final int phoneOffset;
        private int index;
        private String previousEmail = "";

        Rows(long seed, int customers) {
            this.random = new SplittableRandom(seed);
            this.customers = customers;
            this.phoneOffset = random.nextInt(PHONE_SPACE);
        }

        @Override
        public boolean hasNext() {
            return index < customers;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int number = ++index;
            String customerId = String.format(Locale.ROOT, "C%08d", number);
            boolean korean = random.nextDouble() < 0.8;
            boolean koreanName = korean ? random.nextDouble() < 0.97 : random.nextDouble() < 0.3;
            String name;
            String latin;
            if (koreanName) {
                int surname = random.nextInt(KO_SURNAMES.length);
                int given = random.nextInt(KO_GIVEN.length);
                name = KO_SURNAMES[surname] + KO_GIVEN[given];
                latin = KO_GIVEN_LATIN[given] + "." + KO_SURNAMES_LATIN[surname];
            } else {
                String given = EN_GIVEN[random.nextInt(EN_GIVEN.length)];
                String surname = EN_SURNAMES[random.nextInt(EN_SURNAMES.length)];
                name = given + " " + surname;
                latin = (given + "." + surname).toLowerCase(Locale.ROOT);
            }
            double channels = random.nextDouble();
            boolean hasEmail = channels >= 0.10;
            boolean hasPhone = channels < 0.10 || channels >= 0.20;
            String email = "";
            if (hasEmail) {
                if (!previousEmail.isEmpty() && random.nextDouble() < 0.01) {
                    email = previousEmail;
                } else {
                    String domain = random.nextDouble() < 0.02 ? IDN_DOMAIN : DOMAINS[random.nextInt(DOMAINS.length)];
                    email = latin + "." + number + "@" + domain;
                }
                previousEmail = email;
            }
            String phone = hasPhone ? phone(number) : "";
            String locale = korean ? "ko" : "en";
            List<String> items = items();

            Defect defect = Defect.NONE;
            double roll = random.nextDouble();
            if (roll < 0.005) {
                defect = Defect.NO_CONTACT;
                email = "";
                phone = "";
            } else if (roll < 0.010) {
                defect = Defect.UNKNOWN_ITEM;
                items.add(random.nextBoolean() ? "password" : "credit_card");
            } else if (roll < 0.015) {
                defect = Defect.BROKEN_QUOTING;
            } else if (roll < 0.020 && !phone.isEmpty()) {
                defect = Defect.MALFORMED_EMAIL;
                email = latin + "." + number + "@@example.com";
            }
            return new Row(customerId, name, email, phone, locale, String.join(";", items), defect);
        }

        /** 1 to 6 items; what leaked in this breach makes names, emails and address books the most common. */
        private List<String> items() {
            List<String> items = new ArrayList<>(6);
            double[] odds = {0.9, 0.8, 0.5, 0.6, 0.25, 0.4};
            ItemKind[] kinds = CUSTOMER_ITEMS;
            for (int i = 0; i < kinds.length; i++) {
                if (random.nextDouble() < odds[i]) {
                    items.add(kinds[i].code());
                }
            }
            if (items.isEmpty()) {
                items.add(kinds[random.nextInt(kinds.length)].code());
            }
            return items;
        }

        private String phone(int number) {
            return phoneAt(phoneOffset, number);
        }
    }
}
