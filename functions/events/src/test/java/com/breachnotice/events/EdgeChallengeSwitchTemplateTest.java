package com.breachnotice.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.emulator.CloudFormationTemplate;
import com.breachnotice.emulator.FunctionDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The edge switch as template.yaml deploys it: invoked by the failure-ratio alarm and nothing else,
 * the only holder of a WAF right, and only on the edge's web ACL.
 */
class EdgeChallengeSwitchTemplateTest {

    private final CloudFormationTemplate template = CloudFormationTemplate.loadFromRepository();

    @Test
    void function_existsOnlyWithTheEdge_andReadsTheWebAclFromItsParameter() {
        FunctionDefinition function = template.requireFunction("EdgeChallengeSwitchFunction");

        assertThat(template.requireResource("EdgeChallengeSwitchFunction").definition())
                .containsEntry("Condition", "EdgeEnabled");
        assertThat(function.handler()).isEqualTo(EdgeChallengeSwitchHandler.class.getName() + "::handleRequest");
        assertThat(function.environment()).containsEntry("EDGE_WEB_ACL_ARN", Map.of("Ref", "EdgeWebAclArn"));
        assertThat(function.property("ReservedConcurrentExecutions")).contains(1);
        assertThat(function.events())
                .as("invoked by the alarm directly, no event source")
                .isEmpty();
    }

    @Test
    void wafRights_areTheSwitchsAlone_andOnlyOnTheEdgesWebAcl() {
        template.resources().forEach((id, resource) -> {
            if (!id.equals("EdgeChallengeSwitchFunction")) {
                assertThat(resource.definition().toString()).as(id).doesNotContain("wafv2:");
            }
        });
        String policies = template.requireFunction("EdgeChallengeSwitchFunction")
                .property("Policies")
                .orElseThrow()
                .toString();
        assertThat(policies)
                .contains("wafv2:GetWebACL", "wafv2:UpdateWebACL", "EdgeWebAclArn", ":global/managedruleset/*/*")
                .doesNotContain("wafv2:*", "Resource=*", "global/webacl/*");
    }

    @Test
    void alarm_invokesTheSwitchWithTheEdge_andStillTellsTheOperators() {
        Map<String, Object> alarm =
                template.requireResource("EdgeChallengeRequestedAlarm").properties();

        assertThat(alarm.get("AlarmActions"))
                .isEqualTo(List.of(
                        Map.of("Ref", "OperatorAlarmTopic"),
                        Map.of(
                                "Fn::If",
                                List.of(
                                        "EdgeEnabled",
                                        Map.of("Fn::GetAtt", List.of("EdgeChallengeSwitchFunction", "Arn")),
                                        Map.of("Ref", "AWS::NoValue")))));
        assertThat(alarm.get("OKActions")).isEqualTo(List.of(Map.of("Ref", "OperatorAlarmTopic")));

        CloudFormationTemplate.Resource permission = template.requireResource("EdgeChallengeSwitchAlarmPermission");
        assertThat(permission.definition()).containsEntry("Condition", "EdgeEnabled");
        assertThat(permission.properties())
                .containsEntry("Principal", "lambda.alarms.cloudwatch.amazonaws.com")
                .containsEntry("Action", "lambda:InvokeFunction")
                .containsEntry("FunctionName", Map.of("Ref", "EdgeChallengeSwitchFunction"))
                .containsEntry("SourceArn", Map.of("Fn::GetAtt", List.of("EdgeChallengeRequestedAlarm", "Arn")))
                .containsEntry("SourceAccount", Map.of("Ref", "AWS::AccountId"));
    }
}
