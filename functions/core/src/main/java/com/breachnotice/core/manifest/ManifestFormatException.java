package com.breachnotice.core.manifest;

/** The whole file is unusable (for example its header lacks a required column). Nothing loads. */
public final class ManifestFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public ManifestFormatException(String reason) {
        super(reason);
        this.reason = reason;
    }

    /** The reason, for a person: never holds row data. */
    public String reason() {
        return reason;
    }
}
