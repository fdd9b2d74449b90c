package com.breachnotice.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntrinsicResolverTest {

    private static final CloudFormationTemplate TEMPLATE = CloudFormationTemplate.parse("""
            Parameters:
              Sender: {Type: String}
              Stage: {Type: String, Default: dev}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Mappings:
              Sizes: {dev: {memory: 512}}
            Resources:
              Queue: {Type: AWS::SQS::Queue}
            """);

    private final IntrinsicResolver resolver = new IntrinsicResolver(
            TEMPLATE,
            Map.of("Sender", "a@example.com"),
            "ap-northeast-2",
            "bn-test",
            new IntrinsicResolver.Resources() {
                @Override
                public String ref(String logicalId) {
                    return "ref-of-" + logicalId;
                }

                @Override
                public String attribute(String logicalId, String attribute) {
                    return attribute + "-of-" + logicalId;
                }
            });

    private Object resolve(String yaml) {
        return resolver.resolve(CloudFormationTemplate.parse("Resources: {}\nValue: " + yaml)
                .root()
                .get("Value"));
    }

    @Test
    void sub_resolvesPseudoParametersParametersAndResources() {
        assertThat(
                        resolve(
                                "!Sub \"arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:${AWS::StackName}/${Sender}/${Stage}\""))
                .isEqualTo("arn:aws:ses:ap-northeast-2:123456789012:bn-test/a@example.com/dev");
        assertThat(resolve("!Sub \"${Queue}|${Queue.Arn}|${!Literal}|${AWS::URLSuffix}\""))
                .isEqualTo("ref-of-Queue|Arn-of-Queue|${Literal}|amazonaws.com");
    }

    @Test
    void sub_listFormUsesItsOwnVariablesFirst() {
        assertThat(resolve("!Sub [\"${Domain}-${Queue}\", {Domain: !Select [1, !Split [\"@\", !Ref Sender]]}]"))
                .isEqualTo("example.com-ref-of-Queue");
    }

    @Test
    void otherFunctions_resolve() {
        assertThat(resolve("!Join [\":\", [a, !Ref Queue, !GetAtt Queue.QueueName]]"))
                .isEqualTo("a:ref-of-Queue:QueueName-of-Queue");
        assertThat(resolve("!If [IsProd, big, small]")).isEqualTo("small");
        assertThat(resolve("!Not [!Condition IsProd]")).isEqualTo(true);
        assertThat(resolve("!FindInMap [Sizes, !Ref Stage, memory]")).isEqualTo(512);
        assertThat(resolve("!Base64 hi")).isEqualTo("aGk=");
        assertThat(resolve("!GetAZs \"\"")).isEqualTo(List.of("ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c"));
        assertThat(resolve("{Keep: [!Ref Queue, {Drop: !Ref AWS::NoValue}]}"))
                .isEqualTo(Map.of("Keep", List.of("ref-of-Queue", Map.of())));
    }

    @Test
    void parameterWithoutValue_failsNamingIt() {
        IntrinsicResolver noValues = new IntrinsicResolver(
                TEMPLATE, Map.of(), "ap-northeast-2", "bn-test", new IntrinsicResolver.Resources() {
                    @Override
                    public String ref(String logicalId) {
                        throw new AssertionError();
                    }

                    @Override
                    public String attribute(String logicalId, String attribute) {
                        throw new AssertionError();
                    }
                });
        assertThatThrownBy(() -> noValues.resolve(Map.of("Ref", "Sender"))).hasMessageContaining("Sender");
    }

    @Test
    void references_findRefGetAttAndSubVariables() {
        Object value = CloudFormationTemplate.parse(
                        "Resources: {}\nV: [!Ref A, !GetAtt B.Arn, !Sub \"${C}-${D.Arn}-${AWS::Region}-${!E}\", !Sub [\"${F}\", {F: !Ref G}]]")
                .root()
                .get("V");
        assertThat(IntrinsicResolver.references(value)).containsExactly("A", "B", "C", "D", "G");
    }

    @Test
    void generatedSecret_honoursLengthAndExclusions() {
        String secret = ResourceProvisioner.generatedSecret(Map.of("PasswordLength", 64, "ExcludePunctuation", true));
        assertThat(secret).hasSize(64).matches("[A-Za-z0-9]+");
    }
}
