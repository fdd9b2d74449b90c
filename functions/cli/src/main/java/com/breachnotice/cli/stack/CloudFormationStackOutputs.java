package com.breachnotice.cli.stack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/** A deployed stack's outputs, read with CloudFormation {@code DescribeStacks}. */
public final class CloudFormationStackOutputs {

    private CloudFormationStackOutputs() {}

    public static StackOutputs read(CloudFormationClient cloudFormation, String stackName) {
        List<Stack> stacks;
        try {
            stacks = cloudFormation.describeStacks(b -> b.stackName(stackName)).stacks();
        } catch (CloudFormationException e) {
            // DescribeStacks answers a ValidationError "Stack with id X does not exist".
            String reason = e.awsErrorDetails() == null
                    ? String.valueOf(e.getMessage())
                    : e.awsErrorDetails().errorMessage();
            throw new StackOutputs.StackOutputsException("cannot read stack " + stackName + ": " + reason);
        }
        if (stacks.isEmpty()) {
            throw new StackOutputs.StackOutputsException("no stack " + stackName);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Output output : stacks.get(0).outputs()) {
            if (output.outputKey() != null && output.outputValue() != null) {
                values.put(output.outputKey(), output.outputValue());
            }
        }
        return new StackOutputs("stack " + stackName, values);
    }
}
