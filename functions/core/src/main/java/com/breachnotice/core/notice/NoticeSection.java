package com.breachnotice.core.notice;

import java.util.Optional;

/** The sections every notice has, in the order they are printed. */
public enum NoticeSection {
    /** For a revised notice only: what is new since the earlier notice, with the person's new items. */
    WHAT_IS_NEW("what_is_new"),
    WHAT_HAPPENED("what_happened"),
    /** The person's own items, generated from their record: the section holds only the words around the list. */
    YOUR_ITEMS("your_items"),
    WHAT_WE_DO("what_we_do"),
    WHAT_YOU_SHOULD_DO("what_you_should_do"),
    CHECK_GENUINE("check_genuine"),
    HELP_AND_RELIEF("help_and_relief");

    private final String code;

    NoticeSection(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<NoticeSection> ofCode(String code) {
        for (NoticeSection section : values()) {
            if (section.code.equals(code)) {
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }
}
