package com.breachnotice.core.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.contact.ContactNormalizer;
import com.breachnotice.core.contact.KeyRing;
import com.breachnotice.core.contact.Pepper;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.ReferenceCodes;
import com.breachnotice.core.manifest.ItemKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The middle of a rotation: the registry, the deliveries and their reference hashes were written
 * under key version 1, and version 2 has just become current. Everything stored is still found;
 * everything new is made with version 2.
 */
class KeyRotationTest {

    private static final String ADDRESS = "198.51.100.7";
    private static final Pepper SECOND =
            new Pepper("the second pepper, also thirty-two bytes or more".getBytes(StandardCharsets.UTF_8));

    private final ContactKeyer rotated = new ContactKeyer(new KeyRing(2, Map.of(1, LookupFixture.PEPPER, 2, SECOND)));
    private final LookupFixture world = new LookupFixture(42L, LookupFixture.DEFAULT_CODES_PER_HOUR, rotated);
    private final Contact affected =
            ContactNormalizer.korea().either(LookupFixture.AFFECTED_EMAIL).orElseThrow();

    @Test
    void newWrites_useTheCurrentVersion_lookupsTryItFirstThenTheEarlierOne() {
        ContactKey written = rotated.keyOf(affected);
        List<ContactKey> tried = rotated.keysOf(affected);
        ContactKey before = new ContactKeyer(LookupFixture.PEPPER).keyOf(affected);

        assertThat(written.version()).isEqualTo(2);
        assertThat(written.value()).startsWith("E2");
        assertThat(tried).containsExactly(written, before);
        assertThat(before.version()).isEqualTo(1);
        assertThat(before.hash()).isNotEqualTo(written.hash());
        assertThat(rotated.referenceHash("X"))
                .isEqualTo(rotated.referenceHashes("X").get(0));
        assertThat(rotated.referenceHashes("X").get(1))
                .isEqualTo(new ContactKeyer(LookupFixture.PEPPER).referenceHash("X"));
    }

    @Test
    void contactStoredUnderVersion1_isFoundAfterVersion2BecameCurrent() {
        StartResult.Started started = (StartResult.Started) world.service.startChallenge(LookupFixture.AFFECTED_EMAIL);

        Challenge challenge = world.challenges.find(started.challengeId()).orElseThrow();
        CodeRequest request = world.codes.last();
        assertThat(challenge.contact().version()).isEqualTo(2);
        assertThat(challenge.earlierKeys()).extracting(ContactKey::version).containsExactly(1);
        assertThat(request.contactKeys()).isEqualTo(challenge.contactKeys());
        // The code hash is made with the challenge's own version.
        assertThat(challenge.codeHash()).isEqualTo(rotated.codeHash(2, started.challengeId(), request.code()));

        VerifyResult result = world.service.verify(started.challengeId(), request.code());

        ContactReport report = ((VerifyResult.Verified) result).report();
        assertThat(report.affected()).isTrue();
        assertThat(report.items()).contains(ItemKind.ORDER_HISTORY, ItemKind.EMAIL);
        // The notices sent under version 1, with the very reference codes they printed.
        assertThat(report.notices()).hasSize(2);
        assertThat(report.notices().get(0).reference()).isEqualTo(LookupFixture.FIRST_REFERENCE);
    }

    @Test
    void referencePrintedUnderVersion1_isStillGenuine_andAFreshCodeIsNot() {
        assertThat(world.service.checkReference(LookupFixture.FIRST_REFERENCE, ADDRESS))
                .isInstanceOf(ReferenceResult.Genuine.class);

        String printedUnderVersion2 = ReferenceCodes.fromSeed(rotated.referenceSeed(
                rotated.keyOf(affected), new DeliveryId(rotated.keyOf(affected), "x", Channel.EMAIL).notice()));
        assertThat(world.service.checkReference(printedUnderVersion2, ADDRESS))
                .isInstanceOf(ReferenceResult.NotOurs.class);
    }

    @Test
    void referenceSeed_followsTheDeliverysKeyVersion_soAPrintedCodeNeverChanges() {
        ContactKey before = new ContactKeyer(LookupFixture.PEPPER).keyOf(affected);

        assertThat(rotated.referenceSeed(before, "n#email"))
                .isEqualTo(new ContactKeyer(LookupFixture.PEPPER).referenceSeed(before, "n#email"));
    }

    @Test
    void challengeOfAVersionDroppedFromTheRing_isExpired() {
        StartResult.Started started = (StartResult.Started) world.service.startChallenge(LookupFixture.KNOWN_PHONE);
        String code = world.codes.last().code();
        LookupFixture after = new LookupFixture(
                42L,
                LookupFixture.DEFAULT_CODES_PER_HOUR,
                new ContactKeyer(new KeyRing(3, Map.of(3, LookupFixture.PEPPER))));
        after.challenges.create(world.challenges.find(started.challengeId()).orElseThrow());

        assertThat(after.service.verify(started.challengeId(), code)).isInstanceOf(VerifyResult.Expired.class);
    }
}
