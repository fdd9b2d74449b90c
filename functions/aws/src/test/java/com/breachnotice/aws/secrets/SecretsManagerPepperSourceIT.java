package com.breachnotice.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.contact.Pepper;
import com.breachnotice.emulator.ProvisionedStack;
import java.nio.charset.StandardCharsets;
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
    void keyRing_bareSecret_isVersion1Alone() {
        SecretsManagerPepperSource source = new SecretsManagerPepperSource(secrets, stack.physicalId("PepperSecret"));

        assertThat(source.keyRing().current()).isEqualTo(1);
        assertThat(source.keyRing().versions()).containsExactly(1);
    }

    @Test
    void keyRing_rotatedSecret_currentVersionFirstAndKeysAsBeforeForTheEarlierOne() {
        String first = "first-pepper-of-at-least-thirty-two-bytes";
        String second = "second-pepper-of-at-least-thirty-two-bytes";
        String name = "ring-" + UUID.randomUUID();
        secrets.createSecret(b -> b.name(name)
                .secretString("{\"current\":2,\"peppers\":{\"1\":\"" + first + "\",\"2\":\"" + second + "\"}}"));
        SecretsManagerPepperSource source = new SecretsManagerPepperSource(secrets, name);
        Contact contact = Contact.email("kim@example.com");

        ContactKeyer keyer = new ContactKeyer(source.keyRing());

        assertThat(source.keyRing().versions()).containsExactly(2, 1);
        assertThat(source.pepper()).isEqualTo(new Pepper(second.getBytes(StandardCharsets.UTF_8)));
        assertThat(keyer.keyOf(contact).version()).isEqualTo(2);
        assertThat(keyer.keysOf(contact).get(1))
                .isEqualTo(new ContactKeyer(new Pepper(first.getBytes(StandardCharsets.UTF_8))).keyOf(contact));
    }

    @Test
    void keyRing_malformedRing_failsWithoutShowingAPepper() {
        String pepper = "a-pepper-value-of-at-least-thirty-two-bytes";
        for (String ring : new String[] {
            "{\"current\":3,\"peppers\":{\"1\":\"" + pepper + "\"}}",
            "{\"current\":1,\"peppers\":{\"one\":\"" + pepper + "\"}}",
            "{\"current\":1,\"peppers\":{\"1\":\"short\"}}",
            "{\"current\":\"1\",\"peppers\":{\"1\":\"" + pepper + "\"}}",
            "{\"current\":1,\"peppers\":{\"1\":7}}",
            "{ not json " + pepper
        }) {
            String name = "bad-ring-" + UUID.randomUUID();
            secrets.createSecret(b -> b.name(name).secretString(ring));

            assertThatThrownBy(() -> new SecretsManagerPepperSource(secrets, name).keyRing())
                    .as(ring)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(name)
                    .hasMessageNotContaining(pepper);
        }
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
