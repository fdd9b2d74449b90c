package com.breachnotice.sender;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.aws.messages.MessageCodec;
import com.breachnotice.core.lookup.CodeRequest;
import com.breachnotice.core.sending.ChallengeCodeService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers the lookup's one-time codes from the code queue. */
public final class ChallengeCodeHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ChallengeCodeHandler.class);

    private final ChallengeCodeService codes;

    public ChallengeCodeHandler() {
        this(SenderWiring.challengeCodeService(FunctionEnvironment.ofProcess()));
    }

    public ChallengeCodeHandler(Map<String, String> environment) {
        this(SenderWiring.challengeCodeService(new FunctionEnvironment(environment)));
    }

    ChallengeCodeHandler(ChallengeCodeService codes) {
        this.codes = codes;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                CodeRequest request = MessageCodec.decodeCodeRequest(message.getBody());
                ChallengeCodeService.Outcome outcome = codes.deliver(request);
                // Neither the challenge id nor the reason: next to the lookup's logs either would tell
                // whether a contact is registered, which is what the lookup must not reveal. The
                // reasons are counted, without ids, in the CodesNotSent metric.
                LOG.info("code request: outcome={}", outcome.getClass().getSimpleName());
                if (outcome instanceof ChallengeCodeService.Outcome.RetryLater) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            } catch (Exception e) {
                LOG.error(
                        "code request failed: messageId={} error={}",
                        message.getMessageId(),
                        e.getClass().getSimpleName());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
