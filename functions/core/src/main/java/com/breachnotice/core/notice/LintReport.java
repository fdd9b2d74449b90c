package com.breachnotice.core.notice;

import java.util.List;

/** What the lint found: errors refuse the notice, warnings are told to the operator. */
public record LintReport(List<LintFinding> errors, List<LintFinding> warnings) {

    public LintReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean passed() {
        return errors.isEmpty();
    }
}
