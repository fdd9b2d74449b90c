package com.breachnotice.core.notice;

/**
 * One thing wrong with a notice.
 *
 * @param rule the rule's name, as docs/notices.md lists it ({@code missing_section}, {@code link}, ...)
 * @param where the language and part ({@code ko your_items.body}, {@code en sms}, {@code incident ko items})
 */
public record LintFinding(String rule, String where, String message) {

    @Override
    public String toString() {
        return rule + " (" + where + "): " + message;
    }
}
