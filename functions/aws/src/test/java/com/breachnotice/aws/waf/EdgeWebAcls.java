package com.breachnotice.aws.waf;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.wafv2.model.AllowAction;
import software.amazon.awssdk.services.wafv2.model.AndStatement;
import software.amazon.awssdk.services.wafv2.model.BlockAction;
import software.amazon.awssdk.services.wafv2.model.ByteMatchStatement;
import software.amazon.awssdk.services.wafv2.model.ChallengeAction;
import software.amazon.awssdk.services.wafv2.model.ChallengeConfig;
import software.amazon.awssdk.services.wafv2.model.CountAction;
import software.amazon.awssdk.services.wafv2.model.CustomResponse;
import software.amazon.awssdk.services.wafv2.model.CustomResponseBody;
import software.amazon.awssdk.services.wafv2.model.DefaultAction;
import software.amazon.awssdk.services.wafv2.model.FieldToMatch;
import software.amazon.awssdk.services.wafv2.model.ImmunityTimeProperty;
import software.amazon.awssdk.services.wafv2.model.ManagedRuleGroupStatement;
import software.amazon.awssdk.services.wafv2.model.Method;
import software.amazon.awssdk.services.wafv2.model.NoneAction;
import software.amazon.awssdk.services.wafv2.model.OverrideAction;
import software.amazon.awssdk.services.wafv2.model.RateBasedStatement;
import software.amazon.awssdk.services.wafv2.model.Rule;
import software.amazon.awssdk.services.wafv2.model.RuleAction;
import software.amazon.awssdk.services.wafv2.model.RuleActionOverride;
import software.amazon.awssdk.services.wafv2.model.Statement;
import software.amazon.awssdk.services.wafv2.model.TextTransformation;
import software.amazon.awssdk.services.wafv2.model.UriPath;
import software.amazon.awssdk.services.wafv2.model.VisibilityConfig;

/** The rules and settings of infra/edge/edge-us-east-1.yaml's web ACL, as the SDK models them. */
final class EdgeWebAcls {

    static final String DESCRIPTION = "In front of the CloudFront distribution of the breach-notice lookup.";

    private EdgeWebAcls() {}

    static DefaultAction allow() {
        return DefaultAction.builder().allow(AllowAction.builder().build()).build();
    }

    static VisibilityConfig metrics(String name) {
        return VisibilityConfig.builder()
                .cloudWatchMetricsEnabled(true)
                .metricName(name)
                .sampledRequestsEnabled(false)
                .build();
    }

    static ChallengeConfig fiveMinuteTokens() {
        return ChallengeConfig.builder()
                .immunityTimeProperty(
                        ImmunityTimeProperty.builder().immunityTime(300L).build())
                .build();
    }

    static CustomResponseBody tooMany() {
        return CustomResponseBody.builder()
                .contentType("APPLICATION_JSON")
                .content("{\"error\":\"too_many_requests\",\"message\":\"Too many requests from your network.\"}")
                .build();
    }

    static RuleAction count() {
        return RuleAction.builder().count(CountAction.builder().build()).build();
    }

    static RuleAction challenge() {
        return RuleAction.builder().challenge(ChallengeAction.builder().build()).build();
    }

    /** Every rule of the edge, with {@code every-post-challenge} under {@code everyPost}. */
    static List<Rule> rules(RuleAction everyPost) {
        List<Rule> rules = new ArrayList<>();
        rules.add(managed("ip-reputation", 0, "AWSManagedRulesAmazonIpReputationList", List.of()));
        rules.add(managed(
                "anonymous-ip",
                1,
                "AWSManagedRulesAnonymousIpList",
                List.of(RuleActionOverride.builder()
                        .name("AnonymousIPList")
                        .actionToUse(challenge())
                        .build())));
        rules.add(managed("known-bad-inputs", 2, "AWSManagedRulesKnownBadInputsRuleSet", List.of()));
        rules.add(Rule.builder()
                .name("address-rate")
                .priority(3)
                .action(RuleAction.builder()
                        .block(BlockAction.builder()
                                .customResponse(CustomResponse.builder()
                                        .responseCode(429)
                                        .customResponseBodyKey("too-many")
                                        .build())
                                .build())
                        .build())
                .statement(Statement.builder()
                        .rateBasedStatement(RateBasedStatement.builder()
                                .aggregateKeyType("IP")
                                .evaluationWindowSec(300L)
                                .limit(3000L)
                                .build())
                        .build())
                .visibilityConfig(metrics("address-rate"))
                .build());
        rules.add(Rule.builder()
                .name("address-post-challenge")
                .priority(4)
                .action(challenge())
                .statement(Statement.builder()
                        .rateBasedStatement(RateBasedStatement.builder()
                                .aggregateKeyType("IP")
                                .evaluationWindowSec(300L)
                                .limit(100L)
                                .scopeDownStatement(postsToV1())
                                .build())
                        .build())
                .visibilityConfig(metrics("address-post-challenge"))
                .build());
        rules.add(Rule.builder()
                .name(WafEdgeChallengeRule.RULE_NAME)
                .priority(5)
                .action(everyPost)
                .statement(postsToV1())
                .visibilityConfig(metrics("every-post-challenge"))
                .build());
        rules.add(Rule.builder()
                .name("page-challenge")
                .priority(6)
                .action(challenge())
                .statement(Statement.builder()
                        .andStatement(AndStatement.builder()
                                .statements(
                                        byteMatch(
                                                FieldToMatch.builder()
                                                        .method(Method.builder().build())
                                                        .build(),
                                                "EXACTLY",
                                                "GET"),
                                        byteMatch(
                                                FieldToMatch.builder()
                                                        .uriPath(UriPath.builder()
                                                                .build())
                                                        .build(),
                                                "EXACTLY",
                                                "/"))
                                .build())
                        .build())
                .visibilityConfig(metrics("page-challenge"))
                .build());
        return rules;
    }

    private static Rule managed(String name, int priority, String group, List<RuleActionOverride> overrides) {
        ManagedRuleGroupStatement.Builder statement =
                ManagedRuleGroupStatement.builder().vendorName("AWS").name(group);
        if (!overrides.isEmpty()) {
            statement.ruleActionOverrides(overrides);
        }
        return Rule.builder()
                .name(name)
                .priority(priority)
                .overrideAction(OverrideAction.builder()
                        .none(NoneAction.builder().build())
                        .build())
                .statement(Statement.builder()
                        .managedRuleGroupStatement(statement.build())
                        .build())
                .visibilityConfig(metrics(name))
                .build();
    }

    private static Statement postsToV1() {
        return Statement.builder()
                .andStatement(AndStatement.builder()
                        .statements(
                                byteMatch(
                                        FieldToMatch.builder()
                                                .method(Method.builder().build())
                                                .build(),
                                        "EXACTLY",
                                        "POST"),
                                byteMatch(
                                        FieldToMatch.builder()
                                                .uriPath(UriPath.builder().build())
                                                .build(),
                                        "STARTS_WITH",
                                        "/v1/"))
                        .build())
                .build();
    }

    private static Statement byteMatch(FieldToMatch field, String constraint, String value) {
        return Statement.builder()
                .byteMatchStatement(ByteMatchStatement.builder()
                        .fieldToMatch(field)
                        .positionalConstraint(constraint)
                        .searchString(software.amazon.awssdk.core.SdkBytes.fromUtf8String(value))
                        .textTransformations(TextTransformation.builder()
                                .priority(0)
                                .type("NONE")
                                .build())
                        .build())
                .build();
    }
}
