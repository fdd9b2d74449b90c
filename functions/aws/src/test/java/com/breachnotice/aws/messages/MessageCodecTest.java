package com.breachnotice.aws.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKind;
import com.breachnotice.core.contact.KeyRing;
import com.breachnotice.core.contact.Pepper;
import com.breachnotice.core.intake.IngestTask;
import com.breachnotice.core.lookup.CodeRequest;
import com.breachnotice.core.lookup.CodeSeal;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.planning.NoticeJob;
import com.breachnotice.core.planning.PlanTask;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCodecTest {

    private static final String KEY = TestStacks.emailKey("a@example.com").value();
    private static final Pepper PEPPER = new Pepper(bytes("a codec test pepper, thirty-two bytes"));
    private static final CodeSeal SEAL = new CodeSeal(KeyRing.single(PEPPER), new SecureRandom());

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void ingestTask_roundTrips_asCompactVersionedJson() {
        IngestTask task = new IngestTask(
                "manifests/a.csv#etag", "bucket", "manifests/a.csv", 27, 1024, 2, 0, 3, "customer_id,email,affected");

        String body = MessageCodec.encode(task);

        assertThat(body)
                .isEqualTo("{\"v\":1,\"manifestId\":\"manifests/a.csv#etag\",\"bucket\":\"bucket\","
                        + "\"key\":\"manifests/a.csv\",\"start\":27,\"end\":1024,\"firstLine\":2,\"range\":0,"
                        + "\"ranges\":3,\"header\":\"customer_id,email,affected\"}");
        assertThat(MessageCodec.decodeIngestTask(body)).isEqualTo(task);
    }

    @Test
    void planTask_roundTrips_withAndWithoutStartKey() {
        PlanTask first = new PlanTask("incident-1", 3, 8, 0, Optional.empty());
        PlanTask next = first.next(KEY);

        assertThat(MessageCodec.encode(first)).doesNotContain("startKey");
        assertThat(MessageCodec.decodePlanTask(MessageCodec.encode(first))).isEqualTo(first);
        assertThat(MessageCodec.decodePlanTask(MessageCodec.encode(next))).isEqualTo(next);
    }

    @Test
    void noticeJob_roundTrips_withCodesAndKeyStrings() {
        NoticeJob job = new NoticeJob(
                "incident-1",
                Channel.SMS,
                NoticeLocale.EN,
                List.of(TestStacks.phoneKey("1"), TestStacks.phoneKey("2")));

        String body = MessageCodec.encode(job);

        assertThat(body).contains("\"channel\":\"sms\"", "\"locale\":\"en\"", "\"contacts\":[\"P");
        assertThat(MessageCodec.decodeNoticeJob(body)).isEqualTo(job);
    }

    @Test
    void noticeJob_ofARevisedCampaign_newItemsPerContactRoundTrip_absentWhenNone() {
        ContactKey told = TestStacks.emailKey("told");
        ContactKey fresh = TestStacks.emailKey("fresh");
        NoticeJob job = new NoticeJob(
                "revised",
                Channel.EMAIL,
                NoticeLocale.KO,
                List.of(told, fresh),
                Map.of(),
                Map.of(told, Set.of(ItemKind.ADDRESS, ItemKind.ENTRANCE_CODE), fresh, Set.of()));

        String body = MessageCodec.encode(job);

        assertThat(body).contains("\"new\":{", "[\"address\",\"entrance_code\"]");
        assertThat(MessageCodec.decodeNoticeJob(body)).isEqualTo(job);
        assertThat(MessageCodec.encode(new NoticeJob("first", Channel.EMAIL, NoticeLocale.KO, List.of(told))))
                .doesNotContain("\"new\"");
    }

    @Test
    void noticeJob_withEnclosedSealedContacts_roundTripsAndListsSharedDataKeysOnce() {
        var kim = TestStacks.emailKey("kim");
        var lee = TestStacks.emailKey("lee");
        var sealedKim = new com.breachnotice.core.registry.StoredContact(
                kim,
                new com.breachnotice.core.crypto.Sealed("c-kim", "wrapped-1"),
                Optional.of(new com.breachnotice.core.crypto.Sealed("n-kim", "wrapped-1")),
                NoticeLocale.KO,
                java.util.Set.of(
                        com.breachnotice.core.manifest.ItemKind.NAME, com.breachnotice.core.manifest.ItemKind.EMAIL),
                false,
                false);
        var sealedLee = new com.breachnotice.core.registry.StoredContact(
                lee,
                new com.breachnotice.core.crypto.Sealed("c-lee", "wrapped-1"),
                Optional.empty(),
                NoticeLocale.KO,
                java.util.Set.of(com.breachnotice.core.manifest.ItemKind.EMAIL),
                false,
                true);
        NoticeJob job = new NoticeJob(
                "first",
                Channel.EMAIL,
                NoticeLocale.KO,
                List.of(kim, lee),
                java.util.Map.of(kim, sealedKim, lee, sealedLee));

        String body = MessageCodec.encode(job);

        assertThat(MessageCodec.decodeNoticeJob(body)).isEqualTo(job);
        assertThat(body.split("wrapped-1", -1)).hasSize(2);
    }

    @Test
    void noticeJob_enclosedContactWithBothRoles_rolesAndTheirItemsSurvive() {
        var phone = TestStacks.phoneKey("+821000001111");
        var items = java.util.Set.of(
                com.breachnotice.core.manifest.ItemKind.EMAIL,
                com.breachnotice.core.manifest.ItemKind.PHONE,
                com.breachnotice.core.manifest.ItemKind.ADDRESS);
        var both = new com.breachnotice.core.registry.StoredContact(
                phone,
                new com.breachnotice.core.crypto.Sealed("c-p", "wrapped-2"),
                Optional.empty(),
                NoticeLocale.KO,
                items,
                true,
                true,
                java.util.Map.of(
                        com.breachnotice.core.registry.SubjectRole.CUSTOMER,
                        java.util.Set.of(com.breachnotice.core.manifest.ItemKind.EMAIL),
                        com.breachnotice.core.registry.SubjectRole.ADDRESS_BOOK,
                        java.util.Set.of(
                                com.breachnotice.core.manifest.ItemKind.PHONE,
                                com.breachnotice.core.manifest.ItemKind.ADDRESS)));
        NoticeJob job =
                new NoticeJob("first", Channel.SMS, NoticeLocale.KO, List.of(phone), java.util.Map.of(phone, both));

        String body = MessageCodec.encode(job);

        assertThat(body).contains("\"r\":{\"customer\":[\"email\"],\"address_book\":[\"address\",\"phone\"]}");
        assertThat(MessageCodec.decodeNoticeJob(body)).isEqualTo(job);
    }

    @Test
    void codeRequest_roundTrips_withTheCodeSealedInTheBody() {
        CodeRequest request = new CodeRequest("ch-1", TestStacks.emailKey("x"), "123456", NoticeLocale.KO);

        String body = MessageCodec.encode(request, SEAL);
        CodeRequest decoded = MessageCodec.decodeCodeRequest(body, SEAL);

        assertThat(body).doesNotContain("123456").doesNotContain("\"code\"").contains("\"sealedCode\":\"1.");
        assertThat(decoded).usingRecursiveComparison().isEqualTo(request);
    }

    @Test
    void codeRequest_duringARotation_carriesTheEarlierKeysAndOpensUnderTheNewRing() {
        ContactKey current =
                ContactKey.of(ContactKind.EMAIL, 2, TestStacks.emailKey("x").hash());
        CodeRequest request =
                new CodeRequest("ch-1", current, "123456", NoticeLocale.EN, List.of(TestStacks.emailKey("x")));
        KeyRing rotated =
                new KeyRing(2, Map.of(1, PEPPER, 2, new Pepper(bytes("second pepper of thirty-two bytes..."))));

        String sealedUnder1 = MessageCodec.encode(request, SEAL);
        CodeRequest decoded = MessageCodec.decodeCodeRequest(sealedUnder1, new CodeSeal(rotated, new SecureRandom()));

        assertThat(sealedUnder1)
                .contains("\"earlier\":[\"" + TestStacks.emailKey("x").value() + "\"]");
        assertThat(decoded).usingRecursiveComparison().isEqualTo(request);
    }

    @Test
    void codeRequest_sealedUnderAnotherRingOrMovedToAnotherChallenge_isMalformed() {
        CodeRequest request = new CodeRequest("ch-1", TestStacks.emailKey("x"), "123456", NoticeLocale.KO);
        String body = MessageCodec.encode(request, SEAL);
        CodeSeal other = new CodeSeal(
                KeyRing.single(new Pepper(bytes("another pepper of thirty-two bytes.."))), new SecureRandom());

        assertThatThrownBy(() -> MessageCodec.decodeCodeRequest(body, other))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("sealedCode");
        assertThatThrownBy(() -> MessageCodec.decodeCodeRequest(body.replace("ch-1", "ch-2"), SEAL))
                .isInstanceOf(MalformedMessageException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json 987654",
                "[]",
                "{\"v\":2,\"challengeId\":\"c\",\"contact\":\"E\",\"code\":\"987654\",\"locale\":\"ko\"}",
                "{\"challengeId\":\"c\",\"code\":\"987654\",\"locale\":\"ko\"}",
                "{\"v\":1,\"challengeId\":\"c\",\"contact\":\"not-a-key\",\"code\":\"987654\",\"locale\":\"ko\"}",
                "{\"v\":1,\"challengeId\":\"c\",\"contact\":\"%s\",\"code\":987654,\"locale\":\"ko\"}",
                "{\"v\":1,\"challengeId\":\"c\",\"contact\":\"%s\",\"code\":\"987654\",\"locale\":\"fr\"}",
                "{\"v\":1,\"challengeId\":\"c\",\"contact\":\"%s\",\"code\":\"987654\",\"locale\":\"ko\"} trailing",
                "{\"v\":1,\"v\":1,\"challengeId\":\"c\",\"contact\":\"%s\",\"code\":\"987654\",\"locale\":\"ko\"}",
                // The format before sealing: a plain code is refused, not delivered.
                "{\"v\":1,\"challengeId\":\"c\",\"contact\":\"%s\",\"code\":\"987654\",\"locale\":\"ko\"}",
                "{\"v\":1,\"challengeId\":\"c\",\"contact\":\"%s\",\"sealedCode\":\"1.987654\",\"locale\":\"ko\"}",
                "{\"v\":1,\"challengeId\":\"c\",\"contact\":\"%s\",\"earlier\":\"x\",\"sealedCode\":\"1.987654\",\"locale\":\"ko\"}",
                "{\"v\":1,\"challengeId\":\"c\",\"contact\":\"%s\",\"earlier\":[1],\"sealedCode\":\"1.987654\",\"locale\":\"ko\"}",
                "{\"v\":1,\"challengeId\":\"c\",\"contact\":\"%s\",\"earlier\":[\"E\"],\"sealedCode\":\"1.987654\",\"locale\":\"ko\"}"
            })
    void decode_malformedBody_throwsWithoutEchoingIt(String template) {
        String body = template.replace("%s", KEY);

        assertThatThrownBy(() -> MessageCodec.decodeCodeRequest(body, SEAL))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageStartingWith("code request: ")
                .hasMessageNotContaining("987654")
                .hasNoCause();
    }

    @Test
    void decode_refusesWhatTheDomainRefuses() {
        assertThatThrownBy(() -> MessageCodec.decodeNoticeJob(
                        "{\"v\":1,\"campaignId\":\"c\",\"channel\":\"email\",\"locale\":\"ko\",\"contacts\":[]}"))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("1 to 50 contacts");
        assertThatThrownBy(() -> MessageCodec.decodeNoticeJob(
                        "{\"v\":1,\"campaignId\":\"c\",\"channel\":\"fax\",\"locale\":\"ko\",\"contacts\":[\"" + KEY
                                + "\"]}"))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("channel");
        assertThatThrownBy(() -> MessageCodec.decodePlanTask(
                        "{\"v\":1,\"campaignId\":\"c\",\"segment\":4,\"totalSegments\":4,\"page\":0}"))
                .isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> MessageCodec.decodeIngestTask(
                        "{\"v\":1,\"manifestId\":\"m\",\"bucket\":\"b\",\"key\":\"k\",\"start\":10,\"end\":5}"))
                .isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> MessageCodec.decodeIngestTask("{\"v\":1,\"manifestId\":\"m\",\"bucket\":\"b\","
                        + "\"key\":\"k\",\"start\":1,\"end\":5,\"firstLine\":2,\"range\":3,\"ranges\":3,"
                        + "\"header\":\"h\"}"))
                .isInstanceOf(MalformedMessageException.class);
    }
}
