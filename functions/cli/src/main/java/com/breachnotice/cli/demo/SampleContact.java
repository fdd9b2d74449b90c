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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
