package com.breachnotice.core.manifest;

/** Receives each outcome of a manifest read, in file order. */
public interface ManifestVisitor {

    /** A valid row, or a later row of the same customer with the same contacts (merge it). */
    void accepted(ManifestRow row);

    void rejected(Rejection rejection);

    /** Called once before any row of a whole-file read, with the kind its header told. */
    default void kind(ManifestKind kind) {}
}
