package com.breachnotice.cli.campaign;

import com.breachnotice.cli.Json;
import com.breachnotice.core.proof.ProofExport;
import com.breachnotice.core.proof.ProofRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The export file, written as rows arrive (nothing is held but the writer's buffer), digested as it
 * is written, and closed with a {@code FILE.sha256} beside it in {@code sha256sum} format ({@code
 * <hex>  <name>}), so {@code sha256sum -c FILE.sha256} in its directory verifies it.
 *
 * <p>CSV: a {@code #} comment block first (campaign, time, whether contacts are revealed), then the
 * header and one row per delivery. A cell that a spreadsheet would read as a formula (one starting
 * with {@code = + - @}, a tab or a carriage return) is prefixed with {@code '} (OWASP's CSV
 * injection advice), so a masked {@code +82 ****-5678} reads {@code '+82 ****-5678}. JSONL: a first
 * line {@code {"export": {...}}} with the same facts, then one object per delivery.
 */
final class ProofFile implements ProofExport.RowSink, AutoCloseable {

    enum Format {
        CSV,
        JSONL;

        static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) {
                return CSV;
            }
            if (name.endsWith(".jsonl")) {
                return JSONL;
            }
            throw new IllegalArgumentException("--out " + file + ": the export is a .csv or a .jsonl file");
        }
    }

    private final Path file;
    private final Format format;
    private final MessageDigest digest;
    private final Writer writer;
    private final CSVPrinter csv;
    private long rows;
    private String sha256 = "";
    private boolean closed;

    ProofFile(Path file, Map<String, Object> facts) throws IOException {
        this.file = file;
        this.format = Format.of(file);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
        OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest);
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        if (format == Format.CSV) {
            List<String> comments = new ArrayList<>();
            facts.forEach((k, v) -> comments.add(k + ": " + v));
            this.csv = CSVFormat.RFC4180
                    .builder()
                    .setCommentMarker('#')
                    .setHeaderComments(comments.toArray(String[]::new))
                    .setHeader(ProofRow.COLUMNS.toArray(String[]::new))
                    .get()
                    .print(writer);
        } else {
            this.csv = CSVFormat.RFC4180.print(Writer.nullWriter());
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("export", facts);
            writer.write(Json.line(meta));
            writer.write('\n');
        }
    }

    @Override
    public void write(ProofRow row) throws IOException {
        if (format == Format.CSV) {
            List<String> cells = row.cells();
            List<String> safe = new ArrayList<>(cells.size());
            cells.forEach(cell -> safe.add(formulaSafe(cell)));
            csv.printRecord(safe);
        } else {
            writer.write(Json.line(row.fields()));
            writer.write('\n');
        }
        rows++;
    }

    /** A cell a spreadsheet would evaluate, made inert with a leading quote. */
    static String formulaSafe(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }

    long rows() {
        return rows;
    }

    /** Lower-case hex SHA-256 of the file, once closed. */
    String sha256() {
        return sha256;
    }

    Path digestFile() {
        return file.resolveSibling(file.getFileName() + ".sha256");
    }

    /** Flushes, closes and writes the digest file; closing again does nothing. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        csv.close(true);
        writer.close();
        sha256 = HexFormat.of().formatHex(digest.digest());
        Files.writeString(digestFile(), sha256 + "  " + file.getFileName() + "\n", StandardCharsets.UTF_8);
    }
}
