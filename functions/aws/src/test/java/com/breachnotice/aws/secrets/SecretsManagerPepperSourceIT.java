package com.breachnotice.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.contact.Pepper;
import com.breachnotice.emulator.ProvisionedStack;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class SecretsManagerPepperSourceIT {

    private static ProvisionedStack stack;
    private static SecretsManagerClient secrets;

    @BeforeAll
    static void provision() {
        stack = TestStacks.provision(SecretsManagerPepperSourceIT.class);
        secrets = TestStacks.clients().secretsManager();
    }

    @Test
    void pepper_readsTheTemplateSecretOnce() {
        String secretId = stack.physicalId("PepperSecret");
        SecretsManagerPepperSource source = new SecretsManagerPepperSource(secrets, secretId);
        String value = secrets.getSecretValue(b -> b.secretId(secretId)).secretString();

        Pepper pepper = source.pepper();

        assertThat(pepper).isEqualTo(new Pepper(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(source.pepper()).isSameAs(pepper);
    }

    @Test
    void pepper_tooShort_failsWithoutShowingTheValue() {
        String name = "short-" + UUID.randomUUID();
        secrets.createSecret(b -> b.name(name).secretString("tiny-secret-value"));

        assertThatThrownBy(() -> new SecretsManagerPepperSource(secrets, name).pepper())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(name)
                .hasMessageContaining("at least 32 bytes")
                .hasMessageNotContaining("tiny-secret-value");
    }
}
