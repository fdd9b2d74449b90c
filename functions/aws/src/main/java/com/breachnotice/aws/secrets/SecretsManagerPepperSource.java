package com.breachnotice.aws.secrets;

import com.breachnotice.core.contact.Pepper;
import com.breachnotice.core.contact.PepperSource;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@link PepperSource} on Secrets Manager: the secret string, as UTF-8 bytes, read once per
 * container and kept. Errors name the secret, never its value.
 */
public final class SecretsManagerPepperSource implements PepperSource {

    static final int MIN_BYTES = 32;

    private final SecretsManagerClient secrets;
    private final String secretId;
    private volatile @Nullable Pepper pepper;

    public SecretsManagerPepperSource(SecretsManagerClient secrets, String secretId) {
        this.secrets = secrets;
        this.secretId = secretId;
    }

    @Override
    public Pepper pepper() {
        Pepper current = pepper;
        if (current == null) {
            synchronized (this) {
                current = pepper;
                if (current == null) {
                    current = read();
                    pepper = current;
                }
            }
        }
        return current;
    }

    private Pepper read() {
        String value = secrets.getSecretValue(b -> b.secretId(secretId)).secretString();
        if (value == null) {
            throw new IllegalStateException("secret " + secretId + " has no string value (a binary secret?)");
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException(
                    "secret " + secretId + " is too short for a pepper: it needs at least " + MIN_BYTES + " bytes");
        }
        return new Pepper(bytes);
    }
}
