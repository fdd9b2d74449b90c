package com.breachnotice.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breachnotice.core.testing.FakeDataKeyProvider;
import org.junit.jupiter.api.Test;

class ContactCipherTest {

    private final FakeDataKeyProvider keys = new FakeDataKeyProvider();
    private final ContactCipher cipher = new ContactCipher(keys);

    @Test
    void seal_thenOpen_roundTrip() {
        Sealed sealed = cipher.seal("kim.minji@example.com", "Eabc");

        assertThat(sealed.ciphertext()).doesNotContain("kim");
        assertThat(sealed.toString()).doesNotContain(sealed.ciphertext());
        assertThat(cipher.open(sealed, "Eabc")).isEqualTo("kim.minji@example.com");
    }

    @Test
    void open_wrongAssociatedData_fails() {
        Sealed sealed = cipher.seal("김민지", "record-1");

        assertThatThrownBy(() -> cipher.open(sealed, "record-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void open_tamperedCiphertext_fails() {
        Sealed sealed = cipher.seal("김민지", "record-1");
        char[] chars = sealed.ciphertext().toCharArray();
        chars[20] = chars[20] == 'A' ? 'B' : 'A';

        assertThatThrownBy(() -> cipher.open(new Sealed(new String(chars), sealed.wrappedKey()), "record-1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void seal_manyValues_oneDataKeyAndFreshNonces() {
        Sealed first = cipher.seal("same", "r");
        for (int i = 0; i < 100; i++) {
            cipher.seal("value " + i, "r" + i);
        }
        Sealed again = cipher.seal("same", "r");

        assertThat(keys.generateCalls()).isEqualTo(1);
        assertThat(again.wrappedKey()).isEqualTo(first.wrappedKey());
        assertThat(again.ciphertext()).isNotEqualTo(first.ciphertext());
    }

    @Test
    void open_byAnotherWorker_unwrapsOnceThenCached() {
        Sealed a = cipher.seal("a@example.com", "ka");
        Sealed b = cipher.seal("b@example.com", "kb");
        ContactCipher reader = new ContactCipher(keys);

        assertThat(reader.open(a, "ka")).isEqualTo("a@example.com");
        assertThat(reader.open(b, "kb")).isEqualTo("b@example.com");
        assertThat(reader.open(a, "ka")).isEqualTo("a@example.com");
        assertThat(keys.unwrapCalls()).isEqualTo(1);
        assertThat(cipher.open(a, "ka")).isEqualTo("a@example.com");
        assertThat(keys.unwrapCalls()).isEqualTo(1);
    }
}
