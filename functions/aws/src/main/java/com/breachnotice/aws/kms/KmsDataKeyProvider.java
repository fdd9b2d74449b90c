package com.breachnotice.aws.kms;

import com.breachnotice.core.crypto.DataKey;
import com.breachnotice.core.crypto.DataKeyProvider;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

/**
 * {@link DataKeyProvider} on KMS: AES-256 data keys wrapped by the contact key. Both calls carry
 * the encryption context {@code {"purpose":"contact"}}, so a wrapped key only unwraps for this use
 * and every unwrap in CloudTrail says what it was for.
 */
public final class KmsDataKeyProvider implements DataKeyProvider {

    static final Map<String, String> CONTEXT = Map.of("purpose", "contact");

    private final KmsClient kms;
    private final String keyId;

    public KmsDataKeyProvider(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public DataKey generate() {
        GenerateDataKeyResponse response = kms.generateDataKey(
                b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256).encryptionContext(CONTEXT));
        return new DataKey(
                response.plaintext().asByteArray(), response.ciphertextBlob().asByteArray());
    }

    @Override
    public byte[] unwrap(byte[] wrapped) {
        // The key id is named so that a blob wrapped by some other key is refused, not decrypted.
        DecryptResponse response = kms.decrypt(b ->
                b.keyId(keyId).ciphertextBlob(SdkBytes.fromByteArray(wrapped)).encryptionContext(CONTEXT));
        return response.plaintext().asByteArray();
    }
}
