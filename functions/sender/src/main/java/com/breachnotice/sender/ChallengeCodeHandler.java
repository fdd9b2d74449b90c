package com.breachnotice.sender;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.aws.messages.MessageCodec;
import com.breachnotice.core.lookup.CodeRequest;
import com.breachnotice.core.lookup.CodeSeal;
import com.breachnotice.core.sending.ChallengeCodeService;
import com.breachnotice.queue.LogCorrelation;
import com.breachnotice.queue.QueueBatchProcessor;
import com.breachnotice.queue.RecordOutcome;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the lookup's one-time codes from the code queue; a body that does not decode (or whose
 * sealed code does not open) is dead-lettered at once. Nothing logged here names a challenge or a
 * code: {@code ChallengeCodeHandlerTest} fails if a log line does.
 */
public final class ChallengeCodeHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ChallengeCodeHandler.class);

    private final ChallengeCodeService codes;
    private final QueueBatchProcessor queue;
    private final CodeSeal seal;

    public ChallengeCodeHandler() {
        this(FunctionEnvironment.ofProcess());
    }

    public ChallengeCodeHandler(Map<String, String> environment) {
        this(new FunctionEnvironment(environment));
    }

    private ChallengeCodeHandler(FunctionEnvironment environment) {
        this(SenderSettings.from(environment), CodeSenderSettings.from(environment));
    }

    private ChallengeCodeHandler(SenderSettings settings, CodeSenderSettings codeSettings) {
        this(
                SenderWiring.challengeCodeService(settings, codeSettings),
                SenderWiring.codeQueueProcessor(settings),
                SenderWiring.codeSeal(settings));
    }

    ChallengeCodeHandler(ChallengeCodeService codes, QueueBatchProcessor queue, CodeSeal seal) {
        this.codes = codes;
        this.queue = queue;
        this.seal = seal;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        try (LogCorrelation ids = LogCorrelation.ofRequest(context)) {
            // A code that does not open is a malformed body: dead-lettered at once, still sealed.
            return queue.process(event, body -> MessageCodec.decodeCodeRequest(body, seal), this::deliver);
        }
    }

    private RecordOutcome deliver(CodeRequest request) {
        ChallengeCodeService.Outcome outcome = codes.deliver(request);
        // Neither the challenge id nor the reason: next to the lookup's logs either would tell
        // whether a contact is registered, which is what the lookup must not reveal. The
        // reasons are counted, without ids, in the CodesNotSent metric.
        LOG.info("code request: outcome={}", outcome.getClass().getSimpleName());
        return outcome instanceof ChallengeCodeService.Outcome.RetryLater
                ? RecordOutcome.retry()
                : RecordOutcome.done();
    }
}
