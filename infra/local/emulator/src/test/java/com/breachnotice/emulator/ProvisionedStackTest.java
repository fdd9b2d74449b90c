package com.breachnotice.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvisionedStackTest {

    private static final String TEMPLATE = """
            Parameters:
              EnableEdge:
                Type: String
                Default: "true"
            Conditions:
              EdgeEnabled: !Equals [!Ref EnableEdge, "true"]
            Resources:
              Edge:
                Type: AWS::CloudFront::Distribution
                Condition: EdgeEnabled
            Outputs:
              EdgeUrl:
                Condition: EdgeEnabled
                Value: !GetAtt Edge.DomainName
              Region:
                Value: !Ref AWS::Region
            """;

    @Test
    void outputWhoseConditionIsFalse_existsNeitherResolvedNorUnresolved() {
        ProvisionedStack stack = stack(Map.of("EnableEdge", "false"));

        assertThat(stack.outputs()).containsOnlyKeys("Region");
        assertThat(stack.unresolvedOutputs()).isEmpty();
    }

    @Test
    void outputWhoseConditionHolds_isResolvedOrReportedAsUsual() {
        ProvisionedStack stack = stack(Map.of());

        assertThat(stack.outputs()).containsOnlyKeys("Region");
        assertThat(stack.unresolvedOutputs()).containsOnlyKeys("EdgeUrl");
    }

    private static ProvisionedStack stack(Map<String, String> parameters) {
        return new ProvisionedStack(
                CloudFormationTemplate.parse(TEMPLATE),
                "test",
                "ap-northeast-2",
                parameters,
                new HashMap<>(),
                new HashMap<>());
    }
}
