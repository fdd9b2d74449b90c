package com.breachnotice.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudFormationTemplateTest {

    @Test
    void parse_shortFormTags_becomeLongFormMaps() {
        CloudFormationTemplate template = CloudFormationTemplate.parse("""
                AWSTemplateFormatVersion: 2010-09-09
                Resources:
                  Thing:
                    Type: AWS::SQS::Queue
                    Properties:
                      Ref: !Ref Other
                      Att: !GetAtt Other.Arn
                      AttList: !GetAtt [Other, QueueName]
                      Sub: !Sub "${AWS::StackName}-x"
                      SubList: !Sub ["${A}", {A: !Ref Other}]
                      Join: !Join ["-", [a, !Ref Other]]
                      Select: !Select [1, !Split [",", "a,b"]]
                      If: !If [Cond, yes-value, no-value]
                      Not: !Not [!Equals [a, b]]
                      Azs: !GetAZs ""
                      Map: !FindInMap [M, K, V]
                      Import: !ImportValue exported
                      B64: !Base64 text
                      Cond: !Condition Cond
                """);
        Map<String, Object> p = template.requireResource("Thing").properties();

        assertThat(template.root().get("AWSTemplateFormatVersion")).isEqualTo("2010-09-09");
        assertThat(p.get("Ref")).isEqualTo(Map.of("Ref", "Other"));
        assertThat(p.get("Att")).isEqualTo(Map.of("Fn::GetAtt", List.of("Other", "Arn")));
        assertThat(p.get("AttList")).isEqualTo(Map.of("Fn::GetAtt", List.of("Other", "QueueName")));
        assertThat(p.get("Sub")).isEqualTo(Map.of("Fn::Sub", "${AWS::StackName}-x"));
        assertThat(p.get("SubList")).isEqualTo(Map.of("Fn::Sub", List.of("${A}", Map.of("A", Map.of("Ref", "Other")))));
        assertThat(p.get("Join")).isEqualTo(Map.of("Fn::Join", List.of("-", List.of("a", Map.of("Ref", "Other")))));
        assertThat(p.get("Select"))
                .isEqualTo(Map.of("Fn::Select", List.of(1, Map.of("Fn::Split", List.of(",", "a,b")))));
        assertThat(p.get("If")).isEqualTo(Map.of("Fn::If", List.of("Cond", "yes-value", "no-value")));
        assertThat(p.get("Not")).isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of("a", "b")))));
        assertThat(p.get("Azs")).isEqualTo(Map.of("Fn::GetAZs", ""));
        assertThat(p.get("Map")).isEqualTo(Map.of("Fn::FindInMap", List.of("M", "K", "V")));
        assertThat(p.get("Import")).isEqualTo(Map.of("Fn::ImportValue", "exported"));
        assertThat(p.get("B64")).isEqualTo(Map.of("Fn::Base64", "text"));
        assertThat(p.get("Cond")).isEqualTo(Map.of("Condition", "Cond"));
    }

    @Test
    void parse_getAttWithoutAttribute_fails() {
        assertThatThrownBy(() -> CloudFormationTemplate.parse("Resources: {A: {Type: X, Properties: {B: !GetAtt C}}}"))
                .hasMessageContaining("Resource.Attribute");
    }

    @Test
    void functions_mergeGlobalsLikeSam() {
        CloudFormationTemplate template = CloudFormationTemplate.parse("""
                Globals:
                  Function:
                    Runtime: java21
                    Timeout: 60
                    Layers: [global]
                    Environment:
                      Variables:
                        SHARED: !Ref Table
                        OVERRIDDEN: global
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.example.WorkerHandler::handle
                      CodeUri: functions/worker/target/worker.zip
                      Timeout: 120
                      Layers: [own]
                      Environment:
                        Variables:
                          OVERRIDDEN: own
                          OWN: value
                      Events:
                        Work:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt WorkQueue.Arn
                            BatchSize: 5
                            FunctionResponseTypes: [ReportBatchItemFailures]
                            ScalingConfig: {MaximumConcurrency: 7}
                """);
        FunctionDefinition worker = template.requireFunction("Worker");

        assertThat(worker.handlerClass()).isEqualTo("com.example.WorkerHandler");
        assertThat(worker.handlerMethod()).isEqualTo("handle");
        assertThat(worker.runtime()).isEqualTo("java21");
        assertThat(worker.timeoutSeconds()).isEqualTo(120);
        assertThat(worker.memorySize()).isEqualTo(128);
        assertThat(worker.environment())
                .containsExactly(
                        Map.entry("SHARED", Map.of("Ref", "Table")),
                        Map.entry("OVERRIDDEN", "own"),
                        Map.entry("OWN", "value"));
        assertThat(worker.properties().get("Layers")).isEqualTo(List.of("global", "own"));
        EventSourceDefinition work = worker.events().get(0);
        assertThat(work.type()).isEqualTo(EventSourceDefinition.SQS);
        assertThat(work.sourceLogicalId()).contains("WorkQueue");
        assertThat(work.batchSize()).isEqualTo(5);
        assertThat(work.reportsBatchItemFailures()).isTrue();
        assertThat(work.maximumConcurrency()).contains(7);
    }

    @Test
    void repositoryTemplate_declaresTheFunctionsTheLocalRuntimeInvokes() {
        CloudFormationTemplate template = CloudFormationTemplate.load(
                CloudFormationTemplate.repositoryRoot(Path.of("")).resolve(CloudFormationTemplate.FILE_NAME));

        assertThat(template.functions())
                .extracting(FunctionDefinition::logicalId, FunctionDefinition::handler, FunctionDefinition::codeUri)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "ManifestUploadedFunction",
                                "com.breachnotice.intake.ManifestUploadedHandler::handleRequest",
                                "functions/intake/target/intake.zip"),
                        org.assertj.core.groups.Tuple.tuple(
                                "IngestFunction",
                                "com.breachnotice.intake.IngestHandler::handleRequest",
                                "functions/intake/target/intake.zip"),
                        org.assertj.core.groups.Tuple.tuple(
                                "PlanFunction",
                                "com.breachnotice.planner.PlanHandler::handleRequest",
                                "functions/planner/target/planner.zip"),
                        org.assertj.core.groups.Tuple.tuple(
                                "NoticeFunction",
                                "com.breachnotice.sender.NoticeHandler::handleRequest",
                                "functions/sender/target/sender.zip"),
                        org.assertj.core.groups.Tuple.tuple(
                                "ChallengeCodeFunction",
                                "com.breachnotice.sender.ChallengeCodeHandler::handleRequest",
                                "functions/sender/target/sender.zip"),
                        org.assertj.core.groups.Tuple.tuple(
                                "DeliveryEventFunction",
                                "com.breachnotice.events.DeliveryEventHandler::handleRequest",
                                "functions/events/target/events.zip"),
                        org.assertj.core.groups.Tuple.tuple(
                                "SmsResultFunction",
                                "com.breachnotice.events.SmsResultHandler::handleRequest",
                                "functions/events/target/events.zip"),
                        org.assertj.core.groups.Tuple.tuple(
                                "LookupFunction",
                                "com.breachnotice.lookup.LookupHandler::handleRequest",
                                "functions/lookup/target/lookup.zip"),
                        // Only with the edge (Condition EdgeEnabled): not run locally.
                        org.assertj.core.groups.Tuple.tuple(
                                "EdgeChallengeSwitchFunction",
                                "com.breachnotice.events.EdgeChallengeSwitchHandler::handleRequest",
                                "functions/events/target/events.zip"));
        for (FunctionDefinition function : template.functions()) {
            assertThat(function.environment())
                    .as(function.logicalId())
                    .containsKeys(
                            "MANIFEST_BUCKET",
                            "SUBJECT_TABLE",
                            "CONTACT_TABLE",
                            "CAMPAIGN_TABLE",
                            "DELIVERY_TABLE",
                            "CHALLENGE_TABLE",
                            "INTAKE_TABLE",
                            "INGEST_QUEUE_URL",
                            "PLAN_QUEUE_URL",
                            "NOTICE_QUEUE_URL",
                            "CODE_QUEUE_URL",
                            "CONTACT_KEY_ID",
                            "PEPPER_SECRET_ID",
                            "SES_CONFIGURATION_SET",
                            "NOTICE_FROM_ADDRESS",
                            "INGEST_DEAD_LETTER_QUEUE_URL",
                            "PLAN_DEAD_LETTER_QUEUE_URL",
                            "NOTICE_DEAD_LETTER_QUEUE_URL",
                            "CODE_DEAD_LETTER_QUEUE_URL",
                            "DEFAULT_COUNTRY");
            assertThat(function.runtime()).isEqualTo("java21");
        }
        FunctionDefinition notice = template.requireFunction("NoticeFunction");
        EventSourceDefinition noticeWork =
                notice.events(EventSourceDefinition.SQS).get(0);
        assertThat(noticeWork.sourceLogicalId()).contains("NoticeQueue");
        assertThat(noticeWork.batchSize()).isEqualTo(10);
        // A template parameter, so that the stack can size it (bench/scale/README.md).
        assertThat(noticeWork.maximumConcurrencyValue()).contains(Map.of("Ref", "NoticeMaximumConcurrency"));
        EventSourceDefinition upload =
                template.requireFunction("ManifestUploadedFunction").events().get(0);
        assertThat(upload.sourceLogicalId()).contains("ManifestBucket");
        assertThat(upload.s3Events()).containsExactly("s3:ObjectCreated:*");
        assertThat(upload.s3KeyFilter("prefix")).contains("manifests/");
        assertThat(template.requireFunction("LookupFunction").events(EventSourceDefinition.HTTP_API))
                .extracting(e -> e.method().orElseThrow() + " " + e.path().orElseThrow())
                .containsExactly(
                        "GET /",
                        "GET /assets/{file}",
                        "GET /v1/incident",
                        "POST /v1/challenges",
                        "POST /v1/challenges/{challengeId}/verify",
                        "POST /v1/notices/verify");
    }

    @Test
    void visibilityTimeout_isAtLeastSixTimesTheConsumersTimeout() {
        CloudFormationTemplate template = CloudFormationTemplate.loadFromRepository();
        for (FunctionDefinition function : template.functions()) {
            for (EventSourceDefinition event : function.events(EventSourceDefinition.SQS)) {
                String queue = event.sourceLogicalId().orElseThrow();
                Object visibility = template.requireResource(queue)
                        .property("VisibilityTimeout")
                        .orElseThrow();
                assertThat(((Number) visibility).intValue())
                        .as(queue + " consumed by " + function.logicalId())
                        .isGreaterThanOrEqualTo(6 * function.timeoutSeconds());
            }
        }
    }
}
