package com.breachnotice.core.testing;

import com.breachnotice.core.intake.ManifestSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** {@link ManifestSource} over byte arrays; serves exactly the byte range asked for. */
public final class InMemoryManifestSource implements ManifestSource {

    private final Map<String, byte[]> objects = new HashMap<>();

    public synchronized InMemoryManifestSource put(String bucket, String key, byte[] content) {
        objects.put(bucket + "/" + key, content.clone());
        return this;
    }

    public InMemoryManifestSource put(String bucket, String key, String content) {
        return put(bucket, key, content.getBytes(StandardCharsets.UTF_8));
    }

    public synchronized long size(String bucket, String key) {
        return object(bucket, key).length;
    }

    @Override
    public synchronized InputStream open(String bucket, String key, long start, long end) {
        byte[] content = object(bucket, key);
        int from = (int) Math.min(start, content.length);
        int to = (int) Math.min(end, content.length);
        return new ByteArrayInputStream(Arrays.copyOfRange(content, from, Math.max(from, to)));
    }

    private byte[] object(String bucket, String key) {
        byte[] content = objects.get(bucket + "/" + key);
        if (content == null) {
            throw new IllegalArgumentException("no object " + bucket + "/" + key);
        }
        return content;
    }
}
