package com.breachnotice.cli.demo;

import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactNormalizer;
import com.breachnotice.core.manifest.ManifestReader;
import com.breachnotice.core.manifest.ManifestRow;
import com.breachnotice.core.manifest.ManifestVisitor;
import com.breachnotice.core.manifest.Rejection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Picks one affected email address of a manifest for the operator to try on the lookup page. Only an
 * address at a reserved test domain qualifies (RFC 2606 example domains, {@code .test},
 * {@code .invalid}, the Korean IDN test domain): a real person's address is never printed.
 */
final class SampleContact {

    private static final Set<String> RESERVED_DOMAINS = Set.of("example.com", "example.org", "example.net");
    private static final Set<String> RESERVED_SUFFIXES =
            Set.of(".example", ".test", ".invalid", ".localhost", ".xn--9t4b11yi5a");

    private SampleContact() {}

    static Optional<String> pick(Path manifest) throws IOException {
        Finder finder = new Finder();
        try (InputStream in = Files.newInputStream(manifest)) {
            new ManifestReader(ContactNormalizer.korea()).read(in, finder);
        }
        return Optional.ofNullable(finder.found);
    }

    /**
     * Two synthetic mobiles of the generated files, for the page's tests: one only in an address
     * book, one a customer's that is also in a book (either may be absent in a small run).
     */
    record Phones(Optional<String> bookOnly, Optional<String> alsoCustomer) {}

    static Phones pickPhones(Path customers, Path book) throws IOException {
        Set<String> customerPhones = new HashSet<>();
        read(customers, row -> row.phone().map(Contact::value).ifPresent(customerPhones::add));
        String[] found = new String[2];
        read(
                book,
                row -> row.phone()
                        .filter(Contact::smsCapable)
                        .map(Contact::value)
                        .ifPresent(phone -> {
                            int slot = customerPhones.contains(phone) ? 1 : 0;
                            if (found[slot] == null) {
                                found[slot] = phone;
                            }
                        }));
        return new Phones(Optional.ofNullable(found[0]), Optional.ofNullable(found[1]));
    }

    private static void read(Path file, Consumer<ManifestRow> onRow) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            new ManifestReader(ContactNormalizer.korea()).read(in, new ManifestVisitor() {
                @Override
                public void accepted(ManifestRow row) {
                    onRow.accept(row);
                }

                @Override
                public void rejected(Rejection rejection) {}
            });
        }
    }

    static boolean reserved(String email) {
        String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return RESERVED_DOMAINS.contains(domain) || RESERVED_SUFFIXES.stream().anyMatch(domain::endsWith);
    }

    private static final class Finder implements ManifestVisitor {
        private @Nullable String found;

        @Override
        public void accepted(ManifestRow row) {
            if (found == null) {
                row.email().map(Contact::value).filter(SampleContact::reserved).ifPresent(email -> found = email);
            }
        }

        @Override
        public void rejected(Rejection rejection) {}
    }
}
