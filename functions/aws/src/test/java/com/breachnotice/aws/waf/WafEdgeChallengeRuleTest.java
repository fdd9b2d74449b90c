package com.breachnotice.aws.waf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breachnotice.core.lookup.EdgeChallengeRule.Change;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.ApplicationAttribute;
import software.amazon.awssdk.services.wafv2.model.ApplicationConfig;
import software.amazon.awssdk.services.wafv2.model.AssociationConfig;
import software.amazon.awssdk.services.wafv2.model.CaptchaConfig;
import software.amazon.awssdk.services.wafv2.model.DataProtection;
import software.amazon.awssdk.services.wafv2.model.DataProtectionConfig;
import software.amazon.awssdk.services.wafv2.model.FieldToProtect;
import software.amazon.awssdk.services.wafv2.model.GetWebAclRequest;
import software.amazon.awssdk.services.wafv2.model.GetWebAclResponse;
import software.amazon.awssdk.services.wafv2.model.ImmunityTimeProperty;
import software.amazon.awssdk.services.wafv2.model.OnSourceDDoSProtectionConfig;
import software.amazon.awssdk.services.wafv2.model.RateBasedStatement;
import software.amazon.awssdk.services.wafv2.model.RequestBodyAssociatedResourceTypeConfig;
import software.amazon.awssdk.services.wafv2.model.Rule;
import software.amazon.awssdk.services.wafv2.model.Scope;
import software.amazon.awssdk.services.wafv2.model.Statement;
import software.amazon.awssdk.services.wafv2.model.UpdateWebAclRequest;
import software.amazon.awssdk.services.wafv2.model.UpdateWebAclResponse;
import software.amazon.awssdk.services.wafv2.model.WafOptimisticLockException;
import software.amazon.awssdk.services.wafv2.model.WebACL;

/**
 * The read-modify-write against a fake WAF that behaves as the real one on the points that matter:
 * {@code UpdateWebACL} stores exactly what it is sent (a field left out is reset, not kept), and a
 * stale lock token is refused.
 */
class WafEdgeChallengeRuleTest {

    private static final String NAME = "breach-notice-edge-lookup";
    private static final String ID = "a1b2c3d4-5678-90ab-cdef-1234567890ab";
    private static final String ARN = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/" + NAME + "/" + ID;

    /** The edge's web ACL with every field UpdateWebACL takes set, so that a dropped one shows. */
    static WebACL edgeAcl(List<Rule> rules) {
        return WebACL.builder()
                .name(NAME)
                .id(ID)
                .arn(ARN)
                .capacity(1234L)
                .labelNamespace("awswaf:123456789012:webacl:" + NAME + ":")
                .description(EdgeWebAcls.DESCRIPTION)
                .defaultAction(EdgeWebAcls.allow())
                .rules(rules)
                .visibilityConfig(EdgeWebAcls.metrics("lookup"))
                .customResponseBodies(Map.of("too-many", EdgeWebAcls.tooMany()))
                .challengeConfig(EdgeWebAcls.fiveMinuteTokens())
                .captchaConfig(CaptchaConfig.builder()
                        .immunityTimeProperty(ImmunityTimeProperty.builder()
                                .immunityTime(600L)
                                .build())
                        .build())
                .tokenDomains("lookup.example.com")
                .associationConfig(AssociationConfig.builder()
                        .requestBodyWithStrings(Map.of(
                                "CLOUDFRONT",
                                RequestBodyAssociatedResourceTypeConfig.builder()
                                        .defaultSizeInspectionLimit("KB_32")
                                        .build()))
                        .build())
                .dataProtectionConfig(DataProtectionConfig.builder()
                        .dataProtections(DataProtection.builder()
                                .field(FieldToProtect.builder()
                                        .fieldType("SINGLE_HEADER")
                                        .fieldKeys("x-origin-verify")
                                        .build())
                                .action("SUBSTITUTION")
                                .build())
                        .build())
                .onSourceDDoSProtectionConfig(OnSourceDDoSProtectionConfig.builder()
                        .albLowReputationMode("ACTIVE_UNDER_DDOS")
                        .build())
                .applicationConfig(ApplicationConfig.builder()
                        .attributes(ApplicationAttribute.builder()
                                .name("owner")
                                .values("breach-notice")
                                .build())
                        .build())
                .build();
    }

    /** A WAF holding one web ACL. */
    static final class FakeWaf implements Wafv2Client {
        WebACL acl;
        String lockToken = "token-1";
        int tokens = 1;
        final List<GetWebAclRequest> reads = new ArrayList<>();
        final List<UpdateWebAclRequest> updates = new ArrayList<>();
        /** Writes by someone else, one between each of our reads and the write that follows it. */
        final List<UnaryOperator<WebACL>> interleaved = new ArrayList<>();

        FakeWaf(WebACL acl) {
            this.acl = acl;
        }

        @Override
        public GetWebAclResponse getWebACL(GetWebAclRequest request) {
            reads.add(request);
            return GetWebAclResponse.builder().webACL(acl).lockToken(lockToken).build();
        }

        @Override
        public UpdateWebAclResponse updateWebACL(UpdateWebAclRequest request) {
            if (!interleaved.isEmpty()) {
                store(interleaved.remove(0).apply(acl));
            }
            if (!request.lockToken().equals(lockToken)) {
                throw WafOptimisticLockException.builder()
                        .message(
                                "AWS WAF couldn’t save your changes because someone changed the resource after you started to edit it.")
                        .build();
            }
            updates.add(request);
            store(asStored(request));
            return UpdateWebAclResponse.builder().nextLockToken(lockToken).build();
        }

        private void store(WebACL changed) {
            acl = changed;
            lockToken = "token-" + ++tokens;
        }

        /** What WAF keeps: the request's fields, nothing of the old ACL but its identity. */
        private WebACL asStored(UpdateWebAclRequest request) {
            WebACL.Builder stored = WebACL.builder()
                    .name(acl.name())
                    .id(acl.id())
                    .arn(acl.arn())
                    .capacity(acl.capacity())
                    .labelNamespace(acl.labelNamespace());
            Map<String, SdkField<?>> sent = fieldsByName(request.sdkFields());
            for (SdkField<?> field : stored.sdkFields()) {
                SdkField<?> from = sent.get(field.memberName());
                if (from != null && !Set.of("Name", "Id").contains(field.memberName())) {
                    field.set(stored, from.getValueOrDefault(request));
                }
            }
            return stored.build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {}
    }

    private static Map<String, SdkField<?>> fieldsByName(List<SdkField<?>> fields) {
        Map<String, SdkField<?>> byName = new HashMap<>();
        fields.forEach(field -> byName.put(field.memberName(), field));
        return byName;
    }

    private static final WebACL COUNTING = edgeAcl(EdgeWebAcls.rules(EdgeWebAcls.count()));
    private static final WebACL CHALLENGING = edgeAcl(EdgeWebAcls.rules(EdgeWebAcls.challenge()));

    @Test
    void challenge_countingRule_turnsOn_andKeepsEveryOtherRuleAndField() {
        FakeWaf waf = new FakeWaf(COUNTING);

        assertThat(new WafEdgeChallengeRule(waf, ARN).challenge()).isEqualTo(Change.TURNED_ON);

        assertThat(waf.acl).isEqualTo(CHALLENGING);
        assertThat(waf.updates).singleElement().satisfies(update -> {
            assertThat(update.lockToken()).isEqualTo("token-1");
            assertThat(update.scope()).isEqualTo(Scope.CLOUDFRONT);
            assertThat(update.name()).isEqualTo(NAME);
            assertThat(update.id()).isEqualTo(ID);
        });
        assertThat(waf.reads).singleElement().satisfies(read -> {
            assertThat(read.scope()).isEqualTo(Scope.CLOUDFRONT);
            assertThat(read.name()).isEqualTo(NAME);
            assertThat(read.id()).isEqualTo(ID);
        });
    }

    @Test
    void challenge_alreadyChallenging_writesNothing() {
        FakeWaf waf = new FakeWaf(CHALLENGING);

        assertThat(new WafEdgeChallengeRule(waf, ARN).challenge()).isEqualTo(Change.ALREADY_ON);

        assertThat(waf.updates).isEmpty();
        assertThat(waf.lockToken).isEqualTo("token-1");
    }

    @Test
    void challenge_twice_writesOnce() {
        FakeWaf waf = new FakeWaf(COUNTING);
        WafEdgeChallengeRule rule = new WafEdgeChallengeRule(waf, ARN);

        assertThat(rule.challenge()).isEqualTo(Change.TURNED_ON);
        assertThat(rule.challenge()).isEqualTo(Change.ALREADY_ON);

        assertThat(waf.updates).hasSize(1);
    }

    @Test
    void challenge_someoneWritesBetweenReadAndWrite_readsAgain_andKeepsTheirChange() {
        FakeWaf waf = new FakeWaf(COUNTING);
        // An operator lowers the per-address rate while the switch is at work.
        waf.interleaved.add(acl ->
                acl.toBuilder().rules(withAddressLimit(acl.rules(), 2000L)).build());

        assertThat(new WafEdgeChallengeRule(waf, ARN).challenge()).isEqualTo(Change.TURNED_ON);

        assertThat(waf.reads).hasSize(2);
        assertThat(waf.updates)
                .singleElement()
                .satisfies(update -> assertThat(update.lockToken()).isEqualTo("token-2"));
        assertThat(waf.acl)
                .isEqualTo(CHALLENGING.toBuilder()
                        .rules(withAddressLimit(CHALLENGING.rules(), 2000L))
                        .build());
    }

    @Test
    void challenge_conflictsThatNeverEnd_giveUpAfterTheBoundedAttempts() {
        FakeWaf waf = new FakeWaf(COUNTING);
        for (int i = 0; i < WafEdgeChallengeRule.ATTEMPTS; i++) {
            waf.interleaved.add(acl ->
                    acl.toBuilder().description("changed by someone else").build());
        }

        assertThatThrownBy(() -> new WafEdgeChallengeRule(waf, ARN).challenge())
                .isInstanceOf(WafOptimisticLockException.class);

        assertThat(waf.reads).hasSize(WafEdgeChallengeRule.ATTEMPTS);
        assertThat(waf.updates).isEmpty();
    }

    @Test
    void challenge_aclWithoutTheRule_writesNothing() {
        List<Rule> withoutIt = EdgeWebAcls.rules(EdgeWebAcls.count()).stream()
                .filter(rule -> !rule.name().equals(WafEdgeChallengeRule.RULE_NAME))
                .toList();
        FakeWaf waf = new FakeWaf(edgeAcl(withoutIt));

        assertThat(new WafEdgeChallengeRule(waf, ARN).challenge()).isEqualTo(Change.RULE_MISSING);

        assertThat(waf.updates).isEmpty();
    }

    @Test
    void withChallenge_sendsEveryFieldOfTheUpdateRequest_asRead() {
        UpdateWebAclRequest request = WafEdgeChallengeRule.withChallenge(COUNTING, "token-7");
        Map<String, SdkField<?>> read = fieldsByName(COUNTING.sdkFields());

        // Every member of the SDK's request model: one AWS adds later fails here until it is copied.
        for (SdkField<?> field : request.sdkFields()) {
            String member = field.memberName();
            Object sent = field.getValueOrDefault(request);
            assertThat(sent)
                    .as("%s is sent (and the test's web ACL sets it)", member)
                    .isNotNull()
                    .isNotInstanceOf(SdkAutoConstructList.class)
                    .isNotInstanceOf(SdkAutoConstructMap.class);
            switch (member) {
                case "Scope" -> assertThat(sent).isEqualTo(Scope.CLOUDFRONT.toString());
                case "LockToken" -> assertThat(sent).isEqualTo("token-7");
                case "Rules" -> assertThat(sent).isEqualTo(CHALLENGING.rules());
                default -> {
                    assertThat(read).as("the web ACL has %s", member).containsKey(member);
                    assertThat(sent).as(member).isEqualTo(read.get(member).getValueOrDefault(COUNTING));
                }
            }
        }
    }

    @Test
    void withChallenge_changesOnlyTheEveryPostRulesAction() {
        List<Rule> sent = WafEdgeChallengeRule.withChallenge(COUNTING, "t").rules();

        for (int i = 0; i < sent.size(); i++) {
            Rule before = COUNTING.rules().get(i);
            Rule after = sent.get(i);
            if (before.name().equals(WafEdgeChallengeRule.RULE_NAME)) {
                assertThat(after)
                        .isEqualTo(before.toBuilder()
                                .action(EdgeWebAcls.challenge())
                                .build());
                assertThat(after.priority()).isEqualTo(5);
            } else {
                assertThat(after).isSameAs(before);
            }
        }
    }

    @Test
    void nameAndId_fromTheEdgeStacksOutput() {
        assertThat(WafEdgeChallengeRule.nameAndId(ARN)).containsExactly(NAME, ID);
        assertThat(WafEdgeChallengeRule.nameAndId("arn:aws-cn:wafv2:us-east-1:123456789012:global/webacl/n/i"))
                .containsExactly("n", "i");
    }

    @Test
    void nameAndId_notACloudFrontWebAcl_isRefused() {
        for (String wrong : List.of(
                "",
                "lookup",
                "arn:aws:wafv2:ap-northeast-2:123456789012:regional/webacl/" + NAME + "/" + ID,
                "arn:aws:wafv2:us-east-1:123456789012:global/ipset/" + NAME + "/" + ID,
                "arn:aws:wafv2:us-east-1:123456789012:global/webacl/" + NAME,
                "arn:aws:wafv2:us-east-1:123456789012:global/webacl//" + ID,
                "arn:aws:wafv2:us-east-1:123456789012:global/webacl/" + NAME + "/",
                "arn:aws:waf:us-east-1:123456789012:global/webacl/" + NAME + "/" + ID,
                "urn:aws:wafv2:us-east-1:123456789012:global/webacl/" + NAME + "/" + ID)) {
            assertThatThrownBy(() -> new WafEdgeChallengeRule(new FakeWaf(COUNTING), wrong))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("global/webacl");
        }
    }

    private static List<Rule> withAddressLimit(List<Rule> rules, long limit) {
        return rules.stream()
                .map(rule -> rule.name().equals("address-rate")
                        ? rule.toBuilder()
                                .statement(Statement.builder()
                                        .rateBasedStatement(RateBasedStatement.builder()
                                                .aggregateKeyType("IP")
                                                .evaluationWindowSec(300L)
                                                .limit(limit)
                                                .build())
                                        .build())
                                .build()
                        : rule)
                .toList();
    }
}
