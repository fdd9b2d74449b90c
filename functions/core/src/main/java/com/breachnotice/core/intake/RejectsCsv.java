package com.breachnotice.core.intake;

import com.breachnotice.core.manifest.Rejection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * The rejects report format. Cells that a spreadsheet would read as a formula are prefixed with a
 * quote (OWASP's advice against CSV injection): the report is opened by people under pressure.
 */
public final class RejectsCsv {

    private RejectsCsv() {}

    static final String HEADER = "line,customer_id,reason";

    public static String render(List<Rejection> rejections) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (Rejection rejection : rejections) {
            out.append(rejection.line())
                    .append(',')
                    .append(cell(rejection.customerId()))
                    .append(',')
                    .append(rejection.reason().code())
                    .append('\n');
        }
        return out.toString();
    }

    static String cell(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("'")) {
            safe = "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    /** Where the report of a manifest goes: beside it, under {@code rejects/}. */
    public static String keyFor(String manifestKey) {
        String name = manifestKey.startsWith("manifests/") ? manifestKey.substring("manifests/".length()) : manifestKey;
        return "rejects/" + name + ".rejects.csv";
    }

    /**
     * Where the part of one range goes until the report is assembled: under the report's key, per
     * manifest version (a new upload of the same key does not mix its parts with the old ones).
     */
    public static String partKeyFor(String manifestKey, String manifestId, int range) {
        return keyFor(manifestKey) + ".parts/" + shortHash(manifestId) + "/" + String.format("%06d", range) + ".csv";
    }

    /**
     * Merges parts rendered by {@link #render}, each in line order, into one report in line order,
     * streaming: memory holds one row per part; a line found in two parts is written once. Every row of a part is one physical line (a customer
     * id with a line break is never reported), so rows are read line by line.
     */
    public static void merge(List<BufferedReader> parts, Writer out) throws IOException {
        PriorityQueue<Head> heads = new PriorityQueue<>(
                (a, b) -> a.line != b.line ? Long.compare(a.line, b.line) : Integer.compare(a.part, b.part));
        List<BufferedReader> readers = new ArrayList<>(parts);
        for (int i = 0; i < readers.size(); i++) {
            String header = readers.get(i).readLine();
            if (header != null && !header.equals(HEADER)) {
                throw new IOException("a rejects part does not start with its header");
            }
            Head head = next(readers.get(i), i);
            if (head != null) {
                heads.add(head);
            }
        }
        out.write(HEADER);
        out.write('\n');
        long lastLine = -1;
        while (!heads.isEmpty()) {
            Head head = heads.poll();
            // A line has one reason; the same line from two parts (a range loaded again after a
            // lower line displaced its row) is reported once.
            if (head.line != lastLine) {
                out.write(head.row);
                out.write('\n');
                lastLine = head.line;
            }
            Head next = next(readers.get(head.part), head.part);
            if (next != null) {
                heads.add(next);
            }
        }
        out.flush();
    }

    private record Head(long line, String row, int part) {}

    private static @Nullable Head next(BufferedReader reader, int part) throws IOException {
        String row = reader.readLine();
        if (row == null || row.isEmpty()) {
            return null;
        }
        int comma = row.indexOf(',');
        try {
            return new Head(Long.parseLong(comma < 0 ? row : row.substring(0, comma)), row, part);
        } catch (NumberFormatException e) {
            throw new IOException("a rejects part holds a row without a line number", e);
        }
    }

    private static String shortHash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
