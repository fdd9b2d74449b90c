package com.breachnotice.core.intake;

import java.io.InputStream;

/** Reads manifest objects, streaming. */
public interface ManifestSource {

    /** The bytes [{@code start}, {@code end}) of an object; the caller closes the stream. */
    InputStream open(String bucket, String key, long start, long end);
}
