package com.breachnotice.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksResponse;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

class StackOutputsTest {

    @TempDir
    Path directory;

    @Test
    void fromFile_readsEveryOutput() throws IOException {
        Path file = write("{\"CampaignTableName\": \"bn-campaigns\", \"PlanQueueUrl\": \"https://sqs/plan\"}");

        StackOutputs outputs = StackOutputs.fromFile(file);

        assertThat(outputs.values())
                .containsOnly(
                        org.assertj.core.api.Assertions.entry("CampaignTableName", "bn-campaigns"),
                        org.assertj.core.api.Assertions.entry("PlanQueueUrl", "https://sqs/plan"));
        assertThat(outputs.require("PlanQueueUrl")).isEqualTo("https://sqs/plan");
    }

    @Test
    void require_missingOutput_namesItAndTheSource() throws IOException {
        Path file = write("{\"CampaignTableName\": \"bn-campaigns\", \"PlanQueueUrl\": \"\"}");
        StackOutputs outputs = StackOutputs.fromFile(file);

        assertThatThrownBy(() -> outputs.require("NoticeDeadLetterQueueUrl"))
                .isInstanceOf(StackOutputs.StackOutputsException.class)
                .hasMessageContaining("no output NoticeDeadLetterQueueUrl")
                .hasMessageContaining(file.toString());
        assertThatThrownBy(() -> outputs.require("PlanQueueUrl")).hasMessageContaining("no output PlanQueueUrl");
    }

    @Test
    void fromFile_describeStacksShapeOrNonStrings_refusedWithTheReason() throws IOException {
        Path array = write("[{\"OutputKey\": \"PlanQueueUrl\", \"OutputValue\": \"x\"}]");
        assertThatThrownBy(() -> StackOutputs.fromFile(array))
                .isInstanceOf(StackOutputs.StackOutputsException.class)
                .hasMessageContaining("one JSON object of output name to value");

        Path number = write("{\"PlanQueueUrl\": 3}");
        assertThatThrownBy(() -> StackOutputs.fromFile(number)).hasMessageContaining("PlanQueueUrl is not a string");

        Path broken = write("{\"PlanQueueUrl\": ");
        assertThatThrownBy(() -> StackOutputs.fromFile(broken)).hasMessageContaining("is not JSON");

        assertThatThrownBy(() -> StackOutputs.fromFile(directory.resolve("absent.json")))
                .hasMessageContaining("no such outputs file");
    }

    @Test
    void cloudFormation_mapsTheFirstStacksOutputs_andAsksForTheNamedStack() {
        List<DescribeStacksRequest> requests = new ArrayList<>();
        CloudFormationClient client = stub(request -> {
            requests.add(request);
            return DescribeStacksResponse.builder()
                    .stacks(Stack.builder()
                            .stackName("breach-notice")
                            .outputs(
                                    Output.builder()
                                            .outputKey("CampaignTableName")
                                            .outputValue("bn-campaigns")
                                            .build(),
                                    Output.builder()
                                            .outputKey("PlanQueueUrl")
                                            .outputValue("https://sqs/plan")
                                            .build())
                            .build())
                    .build();
        });

        StackOutputs outputs = CloudFormationStackOutputs.read(client, "breach-notice");

        assertThat(requests).extracting(DescribeStacksRequest::stackName).containsExactly("breach-notice");
        assertThat(outputs.require("CampaignTableName")).isEqualTo("bn-campaigns");
        assertThat(outputs.source()).isEqualTo("stack breach-notice");
        assertThatThrownBy(() -> outputs.require("NoticeQueueUrl"))
                .hasMessageContaining("stack breach-notice has no output NoticeQueueUrl");
    }

    @Test
    void cloudFormation_unknownStack_failsWithTheServiceReason() {
        CloudFormationClient client = stub(request -> {
            throw (CloudFormationException) CloudFormationException.builder()
                    .statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("ValidationError")
                            .errorMessage("Stack with id nope does not exist")
                            .build())
                    .build();
        });

        assertThatThrownBy(() -> CloudFormationStackOutputs.read(client, "nope"))
                .isInstanceOf(StackOutputs.StackOutputsException.class)
                .hasMessage("cannot read stack nope: Stack with id nope does not exist");
    }

    private Path write(String json) throws IOException {
        Path file = Files.createTempFile(directory, "outputs", ".json");
        Files.writeString(file, json);
        return file;
    }

    private static CloudFormationClient stub(
            java.util.function.Function<DescribeStacksRequest, DescribeStacksResponse> answer) {
        return new CloudFormationClient() {
            @Override
            public DescribeStacksResponse describeStacks(DescribeStacksRequest request) {
                return answer.apply(request);
            }

            @Override
            public String serviceName() {
                return "cloudformation";
            }

            @Override
            public void close() {}
        };
    }
}
