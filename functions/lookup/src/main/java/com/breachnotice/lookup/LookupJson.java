package com.breachnotice.lookup;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The function's one JSON mapper. It lives apart from {@link LookupHandler} so that building it
 * (loading Jackson) is a step of INIT that {@link LookupWiring} can run alongside the others,
 * rather than part of the handler's class initialisation, which runs before any of them.
 */
final class LookupJson {

    /** Strict about duplicate keys: a body that names a field twice is refused as invalid JSON. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private LookupJson() {}
}
