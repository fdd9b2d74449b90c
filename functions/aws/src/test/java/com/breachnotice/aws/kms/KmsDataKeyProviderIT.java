package com.breachnotice.aws.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.crypto.DataKey;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.emulator.ProvisionedStack;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

class KmsDataKeyProviderIT {

    private static KmsClient kms;
    private static KmsDataKeyProvider keys;

    @BeforeAll
    static void provision() {
        ProvisionedStack stack = TestStacks.provision(KmsDataKeyProviderIT.class);
        kms = TestStacks.clients().kms();
        keys = new KmsDataKeyProvider(kms, stack.attribute("ContactKey", "Arn"));
    }

    @Test
    void generate_thenUnwrap_returnsTheSameAes256Key() {
        DataKey key = keys.generate();

        assertThat(key.plaintext()).hasSize(32);
        assertThat(key.wrapped()).isNotEqualTo(key.plaintext());
        assertThat(keys.unwrap(key.wrapped())).isEqualTo(key.plaintext());
    }

    @Test
    void contactCipher_sealsAndOpensThroughKms() {
        ContactCipher sealing = new ContactCipher(keys);
        Sealed sealed = sealing.seal("someone@example.com", "E123");

        // A fresh cipher (another worker) has only the wrapped key: it must unwrap through KMS.
        assertThat(new ContactCipher(keys).open(sealed, "E123")).isEqualTo("someone@example.com");
    }

    @Test
    void unwrap_withoutTheContactContext_isRefused() {
        DataKey key = keys.generate();

        assertThatThrownBy(() -> kms.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(key.wrapped()))
                        .encryptionContext(Map.of("purpose", "something-else"))))
                .isInstanceOf(KmsException.class);
    }
}
