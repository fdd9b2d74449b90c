package com.breachnotice.aws.waf;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.lookup.EdgeChallengeRule.Change;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.CreateWebAclResponse;
import software.amazon.awssdk.services.wafv2.model.GetWebAclResponse;
import software.amazon.awssdk.services.wafv2.model.Rule;
import software.amazon.awssdk.services.wafv2.model.RuleAction;
import software.amazon.awssdk.services.wafv2.model.Scope;
import software.amazon.awssdk.services.wafv2.model.WebACL;

/**
 * The adapter on the emulator's WAF (moto keeps CLOUDFRONT-scope web ACLs and checks lock tokens; it
 * keeps a field an update leaves out, where AWS resets it, which {@link WafEdgeChallengeRuleTest}
 * covers). The client is the production one: us-east-1, reaching the emulator through the SDK's
 * endpoint properties.
 */
class WafEdgeChallengeRuleIT {

    private static Wafv2Client waf;

    @BeforeAll
    static void clients() {
        waf = TestStacks.clients().wafv2();
    }

    /** A web ACL shaped like the edge's, under a unique name (moto's WAF is shared by every test). */
    private static String createEdgeAcl(List<Rule> rules) {
        String name = "it-edge-" + UUID.randomUUID().toString().substring(0, 8);
        CreateWebAclResponse created = waf.createWebACL(r -> r.name(name)
                .scope(Scope.CLOUDFRONT)
                .description(EdgeWebAcls.DESCRIPTION)
                .defaultAction(EdgeWebAcls.allow())
                .visibilityConfig(EdgeWebAcls.metrics("lookup"))
                .challengeConfig(EdgeWebAcls.fiveMinuteTokens())
                .customResponseBodies(Map.of("too-many", EdgeWebAcls.tooMany()))
                .rules(rules));
        return created.summary().arn();
    }

    private static GetWebAclResponse read(String arn) {
        List<String> nameAndId = WafEdgeChallengeRule.nameAndId(arn);
        return waf.getWebACL(
                r -> r.scope(Scope.CLOUDFRONT).name(nameAndId.get(0)).id(nameAndId.get(1)));
    }

    private static RuleAction everyPostAction(WebACL acl) {
        return acl.rules().stream()
                .filter(rule -> rule.name().equals(WafEdgeChallengeRule.RULE_NAME))
                .findFirst()
                .orElseThrow()
                .action();
    }

    @Test
    void challenge_onTheEmulator_turnsTheRuleOn_keepsTheRest_thenWritesNothingMore() {
        String arn = createEdgeAcl(EdgeWebAcls.rules(EdgeWebAcls.count()));
        assertThat(arn).startsWith("arn:aws:wafv2:us-east-1:").contains(":global/webacl/");
        WebACL before = read(arn).webACL();
        WafEdgeChallengeRule rule = new WafEdgeChallengeRule(waf, arn);

        assertThat(rule.challenge()).isEqualTo(Change.TURNED_ON);

        GetWebAclResponse after = read(arn);
        assertThat(everyPostAction(after.webACL())).isEqualTo(EdgeWebAcls.challenge());
        List<Rule> expected = before.rules().stream()
                .map(r -> r.name().equals(WafEdgeChallengeRule.RULE_NAME)
                        ? r.toBuilder().action(EdgeWebAcls.challenge()).build()
                        : r)
                .toList();
        assertThat(after.webACL().rules()).isEqualTo(expected);
        assertThat(after.webACL().toBuilder().rules(before.rules()).build()).isEqualTo(before);

        assertThat(rule.challenge()).isEqualTo(Change.ALREADY_ON);
        assertThat(read(arn).lockToken()).as("no second write").isEqualTo(after.lockToken());
    }

    @Test
    void challenge_onTheEmulator_aclWithoutTheRule_isReported() {
        String arn = createEdgeAcl(EdgeWebAcls.rules(EdgeWebAcls.count()).stream()
                .filter(r -> !r.name().equals(WafEdgeChallengeRule.RULE_NAME))
                .toList());
        String token = read(arn).lockToken();

        assertThat(new WafEdgeChallengeRule(waf, arn).challenge()).isEqualTo(Change.RULE_MISSING);

        assertThat(read(arn).lockToken()).isEqualTo(token);
    }
}
