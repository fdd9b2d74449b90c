package com.breachnotice.core.testing;

import com.breachnotice.core.planning.ContactDirectory;
import com.breachnotice.core.planning.ContactPage;
import com.breachnotice.core.planning.ContactProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link ContactDirectory} over a list of profiles. Contacts fall into segments by the hash of
 * their key, are scanned in key order, and the start key is the last key of the previous page.
 * {@code maxPageSize} caps pages below what the planner asks, so tests can see pages chain.
 */
public final class InMemoryContactDirectory implements ContactDirectory {

    private final List<ContactProfile> profiles = new CopyOnWriteArrayList<>();
    private final int maxPageSize;
    private final List<Optional<String>> scannedFrom = new CopyOnWriteArrayList<>();

    public InMemoryContactDirectory(int maxPageSize) {
        this.maxPageSize = maxPageSize;
    }

    public InMemoryContactDirectory add(ContactProfile profile) {
        profiles.add(profile);
        return this;
    }

    public InMemoryContactDirectory addAll(List<ContactProfile> more) {
        profiles.addAll(more);
        return this;
    }

    @Override
    public ContactPage scan(int segment, int totalSegments, Optional<String> startKey, int pageSize) {
        scannedFrom.add(startKey);
        return page(List.copyOf(profiles), segment, totalSegments, startKey, Math.min(pageSize, maxPageSize));
    }

    /** The start keys of every scan made, in order. */
    public List<Optional<String>> scannedFrom() {
        return List.copyOf(scannedFrom);
    }

    static ContactPage page(
            List<ContactProfile> all, int segment, int totalSegments, Optional<String> startKey, int pageSize) {
        List<ContactProfile> inSegment = new ArrayList<>();
        for (ContactProfile profile : all) {
            if (Math.floorMod(profile.key().value().hashCode(), totalSegments) == segment
                    && startKey.map(s -> profile.key().value().compareTo(s) > 0).orElse(true)) {
                inSegment.add(profile);
            }
        }
        inSegment.sort(Comparator.comparing(ContactProfile::key));
        if (inSegment.size() <= pageSize) {
            return new ContactPage(inSegment, Optional.empty());
        }
        List<ContactProfile> page = inSegment.subList(0, pageSize);
        return new ContactPage(page, Optional.of(page.get(page.size() - 1).key().value()));
    }
}
