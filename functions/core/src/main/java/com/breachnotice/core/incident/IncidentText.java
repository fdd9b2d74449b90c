package com.breachnotice.core.incident;

import java.util.List;
import java.util.Map;

/**
 * The incident in one language. Every string may name facts as {@code {{incident.NAME}}}; they are
 * filled from {@link IncidentDescription#facts()} (dates formatted for the language) or from the
 * scalar fields of this record ({@code company}, {@code helpHours}, {@code privacyOfficer},
 * {@code mediation}, {@code kisa}).
 *
 * @param itemLabels the label of each leaked item kind, by its manifest code ({@code name},
 *     {@code address_book}, ...): the item list of every notice is built from these
 * @param precautions what people should do; the notices and the page list them all
 * @param relief how to seek damage relief (the dispute mediation route, KISA)
 */
public record IncidentText(
        String company,
        String title,
        String summary,
        String whatHappened,
        String notLeaked,
        String helpHours,
        String privacyOfficer,
        String mediation,
        String kisa,
        Map<String, String> itemLabels,
        List<TimelineStep> timeline,
        List<String> actions,
        List<String> precautions,
        List<String> relief,
        List<ContactLine> contacts) {

    public IncidentText {
        itemLabels = Map.copyOf(itemLabels);
        timeline = List.copyOf(timeline);
        actions = List.copyOf(actions);
        precautions = List.copyOf(precautions);
        relief = List.copyOf(relief);
        contacts = List.copyOf(contacts);
    }

    /** One step of what happened, as the page shows it. */
    public record TimelineStep(String when, String what) {}

    /** One way to reach someone, as the page lists it. */
    public record ContactLine(String label, String value) {}
}
