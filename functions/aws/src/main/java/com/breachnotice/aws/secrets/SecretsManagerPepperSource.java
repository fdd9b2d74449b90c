package com.breachnotice.aws.secrets;

import com.breachnotice.core.contact.KeyRing;
import com.breachnotice.core.contact.Pepper;
import com.breachnotice.core.contact.PepperSource;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@link PepperSource} on Secrets Manager, read once per container and kept. Errors name the secret,
 * never its value. The secret string is either
 *
 * <ul>
 *   <li>a bare pepper (at least 32 bytes of UTF-8, as the template generates it): key version 1
 *       alone; or
 *   <li>a key ring, during and after a rotation: {@code {"current":2,"peppers":{"1":"..","2":".."}}},
 *       written in one {@code PutSecretValue} so every function sees both versions at once.
 * </ul>
 */
public final class SecretsManagerPepperSource implements PepperSource {

    static final int MIN_BYTES = 32;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsManagerClient secrets;
    private final String secretId;
    private volatile @Nullable Read read;

    private record Read(KeyRing ring, Pepper current) {}

    public SecretsManagerPepperSource(SecretsManagerClient secrets, String secretId) {
        this.secrets = secrets;
        this.secretId = secretId;
    }

    /** The current version's pepper. */
    @Override
    public Pepper pepper() {
        return read().current();
    }

    /** Every version the secret holds, with the current one marked. */
    public KeyRing keyRing() {
        return read().ring();
    }

    private Read read() {
        Read current = read;
        if (current == null) {
            synchronized (this) {
                current = read;
                if (current == null) {
                    current = parse(fetch());
                    read = current;
                }
            }
        }
        return current;
    }

    private String fetch() {
        String value = secrets.getSecretValue(b -> b.secretId(secretId)).secretString();
        if (value == null) {
            throw new IllegalStateException("secret " + secretId + " has no string value (a binary secret?)");
        }
        return value;
    }

    Read parse(String value) {
        if (!value.startsWith("{")) {
            Pepper pepper = pepper(value, "its value");
            return new Read(KeyRing.single(pepper), pepper);
        }
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            // The parser's message would quote the secret.
            throw new IllegalStateException("secret " + secretId + " starts with '{' but is not a JSON key ring");
        }
        JsonNode current = root.path("current");
        JsonNode peppers = root.path("peppers");
        if (!current.isInt() || !peppers.isObject()) {
            throw new IllegalStateException(
                    "secret " + secretId + " is a key ring without an integer 'current' and a 'peppers' object");
        }
        Map<Integer, Pepper> versions = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = peppers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            int version;
            try {
                version = Integer.parseInt(entry.getKey());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("secret " + secretId + " names a version that is not a number");
            }
            if (!entry.getValue().isTextual()) {
                throw new IllegalStateException("secret " + secretId + ": version " + version + " is not a string");
            }
            versions.put(version, pepper(entry.getValue().textValue(), "version " + version));
        }
        Pepper currentPepper = versions.get(current.intValue());
        if (currentPepper == null) {
            throw new IllegalStateException("secret " + secretId + " has no pepper for its current version");
        }
        try {
            return new Read(new KeyRing(current.intValue(), versions), currentPepper);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("secret " + secretId + " is not a valid key ring: " + e.getMessage());
        }
    }

    private Pepper pepper(String value, String what) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException("secret " + secretId + " is too short for a pepper (" + what
                    + "): it needs at least " + MIN_BYTES + " bytes");
        }
        return new Pepper(bytes);
    }
}
