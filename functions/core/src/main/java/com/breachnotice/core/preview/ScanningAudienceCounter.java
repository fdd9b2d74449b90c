package com.breachnotice.core.preview;

import com.breachnotice.core.contact.ContactKind;
import com.breachnotice.core.planning.ContactDirectory;
import com.breachnotice.core.planning.ContactPage;
import com.breachnotice.core.planning.ContactProfile;
import com.breachnotice.core.planning.PlannerService;
import com.breachnotice.core.registry.SubjectRole;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts by reading the whole registry through the planner's own {@link ContactDirectory}: exact,
 * and as costly as planning's scan (fine for a local stack or a dry run; a registry of millions is
 * better counted once at intake and given as counts).
 *
 * <p>The registry keeps phones sealed, so their destination country is not visible to a scan:
 * every phone is counted under {@code phoneCountry}, the country whose numbers the deployment
 * normalizes (KR here).
 */
public final class ScanningAudienceCounter implements AudienceCounter {

    private final ContactDirectory contacts;
    private final int segments;
    private final String phoneCountry;

    public ScanningAudienceCounter(ContactDirectory contacts, int segments, String phoneCountry) {
        this.contacts = contacts;
        this.segments = segments;
        this.phoneCountry = phoneCountry;
    }

    @Override
    public Audience count() {
        Map<ContactClass, Long> counts = new HashMap<>();
        for (int segment = 0; segment < segments; segment++) {
            Optional<String> start = Optional.empty();
            do {
                ContactPage page = contacts.scan(segment, segments, start, PlannerService.PAGE_SIZE);
                for (ContactProfile profile : page.contacts()) {
                    counts.merge(classOf(profile), 1L, Long::sum);
                }
                start = page.nextStartKey();
            } while (start.isPresent());
        }
        return new Audience(counts);
    }

    private ContactClass classOf(ContactProfile profile) {
        boolean customer = profile.stored()
                .map(stored -> stored.roleSet().contains(SubjectRole.CUSTOMER))
                .orElse(true);
        return new ContactClass(
                profile.key().kind(),
                profile.locale(),
                profile.smsCapable(),
                profile.ownerWithoutEmail(),
                customer,
                profile.key().kind() == ContactKind.PHONE ? phoneCountry : "");
    }
}
