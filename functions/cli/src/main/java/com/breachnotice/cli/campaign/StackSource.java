package com.breachnotice.cli.campaign;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.cli.UserPaths;
import com.breachnotice.cli.stack.CloudFormationStackOutputs;
import com.breachnotice.cli.stack.StackOutputs;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where the stack's outputs come from: exactly one of {@code --stack} and {@code --outputs}. */
public final class StackSource {
    @Option(
            names = "--stack",
            paramLabel = "NAME",
            description = "the deployed stack; its outputs are read with CloudFormation DescribeStacks")
    @Nullable
    String stack;

    @Option(
            names = "--outputs",
            paramLabel = "FILE",
            description = "a JSON object of output name to value, instead of --stack")
    @Nullable
    Path outputs;

    public void check(CommandSpec spec) {
        if (stack != null && outputs != null) {
            throw new ParameterException(spec.commandLine(), "give either --stack or --outputs, not both");
        }
        if (stack == null && outputs == null) {
            throw new ParameterException(spec.commandLine(), "give --stack NAME (or --outputs FILE)");
        }
    }

    public StackOutputs read(AwsClients aws) {
        Path file = outputs;
        String name = stack;
        if (file != null) {
            return StackOutputs.fromFile(UserPaths.resolve(file));
        }
        if (name == null) {
            throw new IllegalStateException("check() was not called");
        }
        return CloudFormationStackOutputs.read(aws.cloudFormation(), name);
    }

    /** The options as typed, to repeat in a hint: {@code --stack NAME} or {@code --outputs FILE}. */
    public String args() {
        return outputs == null ? "--stack " + stack : "--outputs " + outputs;
    }
}
