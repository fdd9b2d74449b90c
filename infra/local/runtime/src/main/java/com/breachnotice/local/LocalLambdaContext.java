package com.breachnotice.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The {@link Context} of one local invocation: names as Lambda forms them, remaining time from the Timeout. */
final class LocalLambdaContext implements Context {

    private final String requestId;
    private final LocalFunction function;
    private final String functionArn;
    private final Instant deadline;
    private final Clock clock;
    private final LambdaLogger logger;

    LocalLambdaContext(
            String requestId,
            LocalFunction function,
            String functionArn,
            Instant deadline,
            Clock clock,
            LambdaLogger logger) {
        this.requestId = requestId;
        this.function = function;
        this.functionArn = functionArn;
        this.deadline = deadline;
        this.clock = clock;
        this.logger = logger;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.functionName();
    }

    @Override
    public String getLogStreamName() {
        return "local/[$LATEST]" + function.logicalId();
    }

    @Override
    public String getFunctionName() {
        return function.functionName();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
    }

    @Override
    public @Nullable CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public @Nullable ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        long remaining = deadline.toEpochMilli() - clock.millis();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
