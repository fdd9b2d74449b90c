package com.breachnotice.aws;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.emulator.LocalEmulator;
import com.breachnotice.emulator.ProvisionedStack;
import com.breachnotice.emulator.ResourceProvisioner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Integration-test support: the shared local emulator, a stack of every template.yaml resource under
 * a prefix unique to the test class (the emulator is shared and not thread-safe, so classes never
 * share resources), and one {@link AwsClients} built the production way, reaching the emulator only
 * through the SDK's endpoint system properties.
 */
public final class TestStacks {

    private static AwsClients clients;

    private TestStacks() {}

    public static LocalEmulator emulator() {
        LocalEmulator emulator = LocalEmulator.shared();
        emulator.applyToSystemProperties();
        return emulator;
    }

    public static synchronized ProvisionedStack provision(Class<?> testClass) {
        LocalEmulator emulator = emulator();
        String name = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String prefix = "it-" + name.substring(0, Math.min(name.length(), 22)) + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        return ResourceProvisioner.forEmulator(emulator).provision(prefix);
    }

    /** Built after {@link #emulator()} set the endpoint properties, so every client reaches it. */
    public static synchronized AwsClients clients() {
        emulator();
        if (clients == null) {
            clients = new AwsClients();
        }
        return clients;
    }

    /** A well-formed contact key derived from a seed. */
    public static ContactKey emailKey(String seed) {
        return new ContactKey("E1" + sha256(seed));
    }

    public static ContactKey phoneKey(String seed) {
        return new ContactKey("P1" + sha256(seed));
    }

    private static String sha256(String seed) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
