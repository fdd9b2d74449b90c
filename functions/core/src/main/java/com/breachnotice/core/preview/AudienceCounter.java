package com.breachnotice.core.preview;

/**
 * Counts the registry's contacts by {@link ContactClass}, without sending or planning anything. On
 * a stack it scans the contacts as the planner would; a test, or a preview of a registry that is
 * not loaded yet, gives the counts directly.
 */
@FunctionalInterface
public interface AudienceCounter {
    Audience count();
}
