package com.breachnotice.core.planning;

import java.util.Optional;

/** The contacts registry as the planner reads it: a parallel scan, page by page. */
public interface ContactDirectory {

    /**
     * One page of segment {@code segment} of {@code totalSegments}. The start key is opaque: it is
     * whatever the previous page returned.
     */
    ContactPage scan(int segment, int totalSegments, Optional<String> startKey, int pageSize);
}
