package com.breachnotice.core.sending;

import java.util.Map;

/**
 * One destination of a bulk templated send: the address, the template's replacement data for this
 * person, and message tags that let delivery events find the delivery again.
 */
public record BulkEmail(String to, Map<String, Object> data, Map<String, String> tags) {

    public BulkEmail {
        data = Map.copyOf(data);
        tags = Map.copyOf(tags);
    }

    @Override
    public String toString() {
        return "BulkEmail[redacted, tags=" + tags + "]";
    }
}
