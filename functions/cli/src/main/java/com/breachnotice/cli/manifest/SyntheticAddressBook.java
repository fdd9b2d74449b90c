package com.breachnotice.cli.manifest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A made-up address-book manifest beside {@link SyntheticManifest}'s customers of the same seed: the
 * entries that those customers saved as delivery addresses. Synthetic only, like the customers:
 * mobile numbers in the same unassigned blocks, landlines and broken numbers that the reader rejects
 * before anything could reach them.
 *
 * <p>About 6% of entries carry the phone of a customer accepted just before their owner (the same
 * person, in both roles); about 4% carry one of five phones saved in many books; about 2% a Seoul
 * landline and 2% an invalid number ({@code no_mobile}); about 1% leave {@code phone} out of
 * {@code affected} ({@code phone_not_affected}). Memory is constant.
 */
public final class SyntheticAddressBook {

    public static final String HEADER = "owner_customer_id,name,phone,locale,affected";

    private static final int POPULAR = 5;

    private final long seed;

    public SyntheticAddressBook(long seed) {
        this.seed = seed;
    }

    /**
     * How many entries were written, how many carry a customer's phone, how many the reader must
     * reject.
     */
    public record Counts(long rows, long customerPhones, long bad) {}

    /** Writes {@code entries} entries owned by the {@code customers} customers of this seed. */
    public Counts write(OutputStream out, int customers, int entries) throws IOException {
        if (customers < 0 || entries < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write(HEADER);
        writer.write('\n');
        if (customers == 0) {
            writer.flush();
            return new Counts(0, 0, 0);
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int offset = new SplittableRandom(seed).nextInt(20_000_000);
        Iterator<SyntheticManifest.Row> owners = new SyntheticManifest(seed).rows(customers);
        Deque<String> recentPhones = new ArrayDeque<>();
        int ownerNumber = 0;
        String ownerId = "";
        long shared = 0;
        long bad = 0;
        for (int e = 0; e < entries; e++) {
            int wanted = (int) ((long) e * customers / Math.max(1, entries)) + 1;
            while (ownerNumber < wanted && owners.hasNext()) {
                SyntheticManifest.Row owner = owners.next();
                ownerNumber++;
                ownerId = owner.customerId();
                if (!owner.defect().rejected() && !owner.phone().isEmpty()) {
                    recentPhones.addFirst(owner.phone());
                    if (recentPhones.size() > 64) {
                        recentPhones.removeLast();
                    }
                }
            }
            List<String> items = new ArrayList<>(4);
            if (random.nextDouble() < 0.9) {
                items.add("name");
            }
            items.add("phone");
            if (random.nextDouble() < 0.95) {
                items.add("address");
            }
            if (random.nextDouble() < 0.3) {
                items.add("entrance_code");
            }
            String phone;
            double roll = random.nextDouble();
            if (roll < 0.06 && !recentPhones.isEmpty()) {
                phone = List.copyOf(recentPhones).get(random.nextInt(recentPhones.size()));
                shared++;
            } else if (roll < 0.10) {
                phone = SyntheticManifest.phoneAt(offset, (long) customers + entries + 1 + random.nextInt(POPULAR));
            } else if (roll < 0.12) {
                phone = String.format(Locale.ROOT, "02-%04d-%04d", 2000 + random.nextInt(8000), random.nextInt(10_000));
                bad++;
            } else if (roll < 0.14) {
                phone = String.format(Locale.ROOT, "010-%03d", random.nextInt(1000));
                bad++;
            } else {
                phone = SyntheticManifest.phoneAt(offset, (long) customers + 1 + e);
                if (roll < 0.15) {
                    items.remove("phone");
                    bad++;
                }
            }
            String name = SyntheticManifest.KO_SURNAMES[random.nextInt(SyntheticManifest.KO_SURNAMES.length)]
                    + SyntheticManifest.KO_GIVEN[random.nextInt(SyntheticManifest.KO_GIVEN.length)];
            String locale = random.nextDouble() < 0.9 ? "ko" : "en";
            writer.write(String.join(",", ownerId, name, phone, locale, String.join(";", items)));
            writer.write('\n');
        }
        writer.flush();
        return new Counts(entries, shared, bad);
    }
}
