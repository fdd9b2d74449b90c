package com.breachnotice.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogCorrelationTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void ofRequest_putsTheRequestIdForTheScope_andRemovesItOnClose() {
        try (LogCorrelation ids = LogCorrelation.ofRequest(new RequestContext("req-1"))) {
            assertThat(MDC.get(LogCorrelation.REQUEST_ID)).isEqualTo("req-1");
        }

        assertThat(MDC.get(LogCorrelation.REQUEST_ID)).isNull();
    }

    @Test
    void ofRequest_withoutContext_putsNothing() {
        try (LogCorrelation ids = LogCorrelation.ofRequest(null)) {
            assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
        }
    }

    @Test
    void nestedScopes_innerValuesWinInside_outerOnesComeBackAfter() {
        try (LogCorrelation request = LogCorrelation.of(LogCorrelation.REQUEST_ID, "req-1")) {
            try (LogCorrelation record = LogCorrelation.of(LogCorrelation.MESSAGE_ID, "m1")
                    .and(LogCorrelation.CAMPAIGN_ID, "c1")
                    .and(LogCorrelation.REQUEST_ID, "req-inner")) {
                assertThat(MDC.get(LogCorrelation.MESSAGE_ID)).isEqualTo("m1");
                assertThat(MDC.get(LogCorrelation.CAMPAIGN_ID)).isEqualTo("c1");
                assertThat(MDC.get(LogCorrelation.REQUEST_ID)).isEqualTo("req-inner");
            }
            assertThat(MDC.get(LogCorrelation.REQUEST_ID)).isEqualTo("req-1");
            assertThat(MDC.get(LogCorrelation.MESSAGE_ID)).isNull();
            assertThat(MDC.get(LogCorrelation.CAMPAIGN_ID)).isNull();
        }
        assertThat(MDC.get(LogCorrelation.REQUEST_ID)).isNull();
    }

    @Test
    void and_blankOrAbsentValue_addsNothing() {
        try (LogCorrelation ids =
                LogCorrelation.of(LogCorrelation.OBJECT_KEY, " ").and(LogCorrelation.MANIFEST_ID, null)) {
            assertThat(MDC.get(LogCorrelation.OBJECT_KEY)).isNull();
            assertThat(MDC.get(LogCorrelation.MANIFEST_ID)).isNull();
        }
    }

    /** The one thing of a Lambda context the helper reads: its request id. */
    private record RequestContext(String getAwsRequestId) implements Context {
        @Override
        public String getLogGroupName() {
            return "/aws/lambda/test";
        }

        @Override
        public String getLogStreamName() {
            return "test";
        }

        @Override
        public String getFunctionName() {
            return "test";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:ap-northeast-2:123456789012:function:test";
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
            return 60_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            throw new UnsupportedOperationException("not used");
        }
    }
}
