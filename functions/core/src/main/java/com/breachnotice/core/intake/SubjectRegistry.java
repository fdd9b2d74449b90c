package com.breachnotice.core.intake;

import java.util.List;

/**
 * Where intake stores subjects and contacts. Writes merge (unions of items and owners), so loading
 * the same rows twice changes nothing and a second manifest adds to the same subjects.
 */
public interface SubjectRegistry {
    void register(List<SubjectRecord> subjects, List<ContactRecord> contacts);
}
