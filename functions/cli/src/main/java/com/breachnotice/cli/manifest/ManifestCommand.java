package com.breachnotice.cli.manifest;

import com.breachnotice.cli.Json;
import com.breachnotice.cli.UserPaths;
import com.breachnotice.core.intake.RejectsCsv;
import com.breachnotice.core.manifest.ManifestFormatException;
import com.breachnotice.core.manifest.ManifestKind;
import com.breachnotice.core.manifest.RejectReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code manifest generate} and {@code manifest check}: manifests on this machine, no AWS. */
@Command(
        name = "manifest",
        mixinStandardHelpOptions = true,
        description = "Generate a synthetic manifest, or check a manifest locally the way intake reads it.",
        subcommands = {ManifestCommand.Generate.class, ManifestCommand.Check.class})
public final class ManifestCommand implements Runnable {

    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description = "Write a synthetic manifest (reserved example domains, unassigned numbers only).")
    static final class Generate implements Callable<Integer> {

        @Spec
        @SuppressWarnings("NullAway.Init")
        CommandSpec spec;

        @Option(names = "--customers", required = true, description = "rows to write")
        int customers;

        @Option(names = "--seed", defaultValue = "1", description = "same seed, same file (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--out", description = "file to write; standard output when absent")
        @Nullable
        Path out;

        @Option(
                names = "--address-book",
                paramLabel = "BOOK.csv",
                description = "also write an address-book manifest of these customers' saved entries here")
        @Nullable
        Path addressBook;

        @Option(names = "--entries", description = "address-book entries to write (default: half the customers)")
        @Nullable
        Integer entries;

        @Override
        public Integer call() throws IOException {
            if (customers < 0) {
                spec.commandLine().getErr().println("--customers must not be negative");
                return 2;
            }
            SyntheticManifest manifest = new SyntheticManifest(seed);
            Path target = out == null ? null : UserPaths.resolve(out);
            SyntheticManifest.Counts counts;
            int bookEntries = entries == null ? customers / 2 : entries;
            if (bookEntries < 0) {
                spec.commandLine().getErr().println("--entries must not be negative");
                return 2;
            }
            if (target == null) {
                PrintWriter stdout = spec.commandLine().getOut();
                counts = manifest.write(stdout, customers);
                stdout.flush();
            } else {
                try (OutputStream file = Files.newOutputStream(created(target))) {
                    counts = manifest.write(file, customers);
                }
            }
            spec.commandLine()
                    .getErr()
                    .printf(
                            "wrote %d rows (%d meant to be rejected)%s%n",
                            counts.rows(), counts.bad(), target == null ? "" : " to " + target);
            if (addressBook != null) {
                Path book = created(UserPaths.resolve(addressBook));
                SyntheticAddressBook.Counts written;
                try (OutputStream file = Files.newOutputStream(book)) {
                    written = new SyntheticAddressBook(seed).write(file, customers, bookEntries);
                }
                spec.commandLine()
                        .getErr()
                        .printf(
                                "wrote %d address-book entries (%d share a customer's phone, %d meant to be"
                                        + " rejected) to %s%n",
                                written.rows(), written.customerPhones(), written.bad(), book);
            }
            return 0;
        }

        private static Path created(Path target) throws IOException {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return target;
        }
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = "Validate a manifest locally (no AWS): counts, distinct contacts, rejects.")
    static final class Check implements Callable<Integer> {

        @Spec
        @SuppressWarnings("NullAway.Init")
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "the manifest (UTF-8 CSV)")
        @SuppressWarnings("NullAway.Init")
        Path file;

        @Option(names = "--rejects", paramLabel = "OUT.csv", description = "write the rejects report here")
        @Nullable
        Path rejects;

        @Option(
                names = "--address-book",
                paramLabel = "BOOK.csv",
                description = "an address-book manifest to check beside FILE (a customer manifest): reports"
                        + " how many of its people are also customers")
        @Nullable
        Path addressBook;

        @Option(names = "--json", description = "end with one JSON line of the counts")
        boolean json;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path manifest = UserPaths.resolve(file);
            ManifestCheck.Result result = read(manifest, err);
            if (result == null) {
                return status;
            }
            ManifestCheck.Result book = null;
            if (addressBook != null) {
                if (result.kind() != ManifestKind.CUSTOMERS) {
                    err.println("with --address-book, FILE must be a customer manifest (its header names customer_id)");
                    return 2;
                }
                book = read(UserPaths.resolve(addressBook), err);
                if (book == null) {
                    return status;
                }
                if (book.kind() != ManifestKind.ADDRESS_BOOK) {
                    err.println(
                            "--address-book must name an address-book manifest (its header names owner_customer_id)");
                    return 2;
                }
            }
            Path report = rejects == null ? null : UserPaths.resolve(rejects);
            if (report != null) {
                Files.writeString(report, RejectsCsv.render(result.rejections()), StandardCharsets.UTF_8);
            }
            printSummary(out, result, report);
            long alsoCustomers = book == null ? 0 : book.alsoCustomers(result);
            if (book != null) {
                out.println("address book " + addressBook + ":");
                printSummary(out, book, null);
                out.printf(
                        "%d of its %d people are also customers (one notice covers both roles)%n",
                        alsoCustomers, book.summary().subjects());
            }
            if (json) {
                Map<String, Object> line = new LinkedHashMap<>(result.json());
                if (book != null) {
                    line.put("address_book", book.bookJson(alsoCustomers));
                }
                out.println(Json.line(line));
            }
            out.flush();
            return 0;
        }

        private int status;

        /** Reads one manifest; null (with {@link #status} set and the reason printed) when it cannot. */
        private ManifestCheck.@Nullable Result read(Path manifest, PrintWriter err) {
            try (InputStream in = Files.newInputStream(manifest)) {
                return ManifestCheck.korea().check(in);
            } catch (NoSuchFileException e) {
                err.println("no such file: " + manifest);
                status = 2;
                return null;
            } catch (ManifestFormatException e) {
                err.println("the manifest cannot be read: " + e.reason());
                status = 2;
                return null;
            } catch (IOException e) {
                // A directory, a file we may not read, a disk error: a file-level error, not a crash.
                err.println("the manifest cannot be read: " + manifest + " ("
                        + e.getClass().getSimpleName() + ")");
                status = 2;
                return null;
            } catch (OutOfMemoryError e) {
                // The check keeps every customer id and distinct contact to find merges, conflicts
                // and counts: about 400 bytes a row. What it held is garbage once we are here.
                err.println("manifest check ran out of memory: it needs about 400 bytes per row"
                        + " (13 GB for 33.7 million rows); give it more with, for example,"
                        + " BREACH_NOTICE_JAVA_OPTS=-Xmx16g");
                status = 1;
                return null;
            }
        }

        private static void printSummary(PrintWriter out, ManifestCheck.Result result, @Nullable Path report) {
            var summary = result.summary();
            out.printf(
                    "rows %d (blank lines %d): accepted %d, rejected %d%n",
                    summary.rows(), summary.blank(), summary.accepted(), summary.rejected());
            if (result.kind() == ManifestKind.ADDRESS_BOOK) {
                out.printf(
                        "people %d (%d entries merged into an earlier entry with the same phone)%n",
                        summary.subjects(), summary.merged());
            } else {
                out.printf(
                        "subjects %d (%d rows merged into an earlier row of the same customer)%n",
                        summary.subjects(), summary.merged());
            }
            out.printf(
                    "distinct contacts: %d emails, %d phones (%d can take SMS)%n",
                    result.emails(), result.phones(), result.smsCapable());
            if (summary.droppedEmails() + summary.droppedPhones() > 0) {
                out.printf(
                        "dropped unusable contacts of accepted rows: %d emails, %d phones%n",
                        summary.droppedEmails(), summary.droppedPhones());
            }
            for (RejectReason reason : RejectReason.values()) {
                long count = summary.reasons().getOrDefault(reason, 0L);
                if (count > 0) {
                    out.printf("  rejected %-20s %d%n", reason.code(), count);
                }
            }
            if (!summary.unknownColumns().isEmpty()) {
                out.println("ignored columns: " + String.join(", ", summary.unknownColumns()));
            }
            if (report != null) {
                out.println("rejects report: " + report);
            } else if (summary.rejected() > 0) {
                out.println("write the rejects report (line, customer id, reason) with --rejects OUT.csv");
            }
        }
    }
}
