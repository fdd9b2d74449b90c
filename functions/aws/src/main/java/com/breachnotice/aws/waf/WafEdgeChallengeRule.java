package com.breachnotice.aws.waf;

import com.breachnotice.core.lookup.EdgeChallengeRule;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.ChallengeAction;
import software.amazon.awssdk.services.wafv2.model.GetWebAclResponse;
import software.amazon.awssdk.services.wafv2.model.Rule;
import software.amazon.awssdk.services.wafv2.model.RuleAction;
import software.amazon.awssdk.services.wafv2.model.Scope;
import software.amazon.awssdk.services.wafv2.model.UpdateWebAclRequest;
import software.amazon.awssdk.services.wafv2.model.WafOptimisticLockException;
import software.amazon.awssdk.services.wafv2.model.WebACL;

/**
 * The edge's {@code every-post-challenge} rule in the CLOUDFRONT-scope web ACL of infra/edge. WAF has
 * no call that changes one rule: {@code UpdateWebACL} replaces everything it is given and resets what
 * it is not. So this reads the whole ACL ({@code GetWebACL}), changes that one rule's action to
 * {@code Challenge}, and writes the whole ACL back with every field it read and the lock token of the
 * read. When someone else wrote in between, WAF refuses the token ({@code WAFOptimisticLockException})
 * and the read-modify-write starts over, a bounded number of times.
 */
public final class WafEdgeChallengeRule implements EdgeChallengeRule {

    private static final Logger LOG = LoggerFactory.getLogger(WafEdgeChallengeRule.class);

    /** The rule's name in infra/edge/edge-us-east-1.yaml. */
    public static final String RULE_NAME = "every-post-challenge";

    /** Read-modify-write rounds before a conflict is given up (the invocation then fails and is retried). */
    static final int ATTEMPTS = 5;

    private final Wafv2Client waf;
    private final String name;
    private final String id;

    /**
     * @param waf a client in us-east-1, where every CLOUDFRONT-scope web ACL lives
     * @param webAclArn {@code arn:aws:wafv2:us-east-1:<account>:global/webacl/<name>/<id>}
     * @throws IllegalArgumentException when the ARN is not a CLOUDFRONT-scope web ACL's
     */
    public WafEdgeChallengeRule(Wafv2Client waf, String webAclArn) {
        this.waf = waf;
        List<String> nameAndId = nameAndId(webAclArn);
        this.name = nameAndId.get(0);
        this.id = nameAndId.get(1);
    }

    @Override
    public Change challenge() {
        for (int attempt = 1; ; attempt++) {
            GetWebAclResponse read =
                    waf.getWebACL(r -> r.scope(Scope.CLOUDFRONT).name(name).id(id));
            WebACL acl = read.webACL();
            Optional<Rule> rule =
                    acl.rules().stream().filter(r -> RULE_NAME.equals(r.name())).findFirst();
            if (rule.isEmpty()) {
                return Change.RULE_MISSING;
            }
            RuleAction action = rule.get().action();
            if (action != null && action.challenge() != null) {
                return Change.ALREADY_ON;
            }
            try {
                waf.updateWebACL(withChallenge(acl, read.lockToken()));
                return Change.TURNED_ON;
            } catch (WafOptimisticLockException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                // Someone changed the web ACL since it was read: read it again, never write over them.
                LOG.warn("web ACL changed during the edge switch's update, reading it again: attempt={}", attempt);
            }
        }
    }

    /**
     * The whole web ACL as read, with the rule's action set to {@code Challenge}. Every field of {@code
     * UpdateWebACL} is copied from the read: one left out would be reset by WAF (the test checks the
     * list against the SDK's request model, so a field AWS adds later fails it until it is copied here).
     */
    static UpdateWebAclRequest withChallenge(WebACL acl, String lockToken) {
        List<Rule> rules = acl.rules().stream()
                .map(rule -> RULE_NAME.equals(rule.name())
                        ? rule.toBuilder()
                                .action(RuleAction.builder()
                                        .challenge(ChallengeAction.builder().build())
                                        .build())
                                .build()
                        : rule)
                .toList();
        return UpdateWebAclRequest.builder()
                .name(acl.name())
                .scope(Scope.CLOUDFRONT)
                .id(acl.id())
                .lockToken(lockToken)
                .defaultAction(acl.defaultAction())
                .description(acl.description())
                .rules(rules)
                .visibilityConfig(acl.visibilityConfig())
                .dataProtectionConfig(acl.dataProtectionConfig())
                .customResponseBodies(acl.customResponseBodies())
                .captchaConfig(acl.captchaConfig())
                .challengeConfig(acl.challengeConfig())
                .tokenDomains(acl.tokenDomains())
                .associationConfig(acl.associationConfig())
                .onSourceDDoSProtectionConfig(acl.onSourceDDoSProtectionConfig())
                .applicationConfig(acl.applicationConfig())
                .build();
    }

    /** Name and id from {@code arn:<partition>:wafv2:us-east-1:<account>:global/webacl/<name>/<id>}. */
    static List<String> nameAndId(String webAclArn) {
        String[] arn = webAclArn.split(":", 6);
        String[] resource = arn.length == 6 ? arn[5].split("/", -1) : new String[0];
        if (arn.length != 6
                || !arn[0].equals("arn")
                || !arn[2].equals("wafv2")
                || resource.length != 4
                || !resource[0].equals("global")
                || !resource[1].equals("webacl")
                || resource[2].isEmpty()
                || resource[3].isEmpty()) {
            throw new IllegalArgumentException(
                    "not the ARN of a CLOUDFRONT-scope web ACL (arn:aws:wafv2:us-east-1:<account>:global/webacl/<name>/<id>): "
                            + webAclArn);
        }
        return List.of(resource[2], resource[3]);
    }
}
