package com.breachnotice.lookup;

import com.breachnotice.aws.incident.IncidentJson;
import com.breachnotice.core.incident.IncidentDescription;
import com.breachnotice.core.manifest.NoticeLocale;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The live incident description as the lookup answers with it: the JSON of {@code GET
 * /v1/incident} and the guidance of a personal answer (the precautions, both languages). Written
 * once per description read, not per request.
 */
final class IncidentView {

    /** What one description becomes. */
    record Published(String json, ObjectNode guidance) {}

    private final Supplier<Optional<IncidentDescription>> live;
    private final ObjectMapper mapper;
    private @Nullable IncidentDescription rendered;
    private @Nullable Published published;

    IncidentView(Supplier<Optional<IncidentDescription>> live, ObjectMapper mapper) {
        this.live = live;
        this.mapper = mapper;
    }

    /** Empty until an incident description is published. */
    synchronized Optional<Published> current() {
        Optional<IncidentDescription> description = live.get();
        if (description.isEmpty()) {
            return Optional.empty();
        }
        Published done = published;
        if (done == null || !description.get().equals(rendered)) {
            IncidentDescription now = description.get();
            ObjectNode guidance = mapper.createObjectNode();
            for (NoticeLocale locale : NoticeLocale.values()) {
                ArrayNode list = guidance.putArray(locale.code());
                now.list("precautions", locale).forEach(list::add);
            }
            done = new Published(IncidentJson.publicJson(now), guidance);
            published = done;
            rendered = now;
        }
        return Optional.of(done);
    }
}
