package com.breachnotice.core.intake;

import com.breachnotice.core.manifest.Rejection;
import java.util.List;

/**
 * The rejects report format. Cells that a spreadsheet would read as a formula are prefixed with a
 * quote (OWASP's advice against CSV injection): the report is opened by people under pressure.
 */
public final class RejectsCsv {

    private RejectsCsv() {}

    public static String render(List<Rejection> rejections) {
        StringBuilder out = new StringBuilder("line,customer_id,reason\n");
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
}
