package com.breachnotice.bench.lookup;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.breachnotice.aws.messages.MessageCodec;
import com.breachnotice.core.lookup.CodeRequest;
import com.breachnotice.lookup.LookupHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Brute force and limits against the real handler and adapters on the emulator, with the limits
 * template.yaml sets: guessing a code fails closed after 5 attempts (even the right code is refused
 * then), the sixth challenge of a contact in a day is refused, one address is refused after its
 * hourly starts and checks. Prints every status sequence and exits non-zero if a limit did not hold.
 *
 * <p>Run: {@code bench/lookup/run.sh limits}.
 */
public final class LimitsBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LimitsBench() {}

    public static void main(String[] args) {
        BenchStack bench = BenchStack.create("limits");
        Map<String, String> env = bench.lookupEnvironment(Map.of());
        int startsPerAddress = Integer.parseInt(env.getOrDefault("ADDRESS_STARTS_PER_HOUR", "30"));
        int checksPerAddress = Integer.parseInt(env.getOrDefault("ADDRESS_CHECKS_PER_HOUR", "60"));
        LookupHandler handler = new LookupHandler(env);
        bench.register(List.of("victim@example.org"), true);
        boolean held = true;

        // 1. Guessing: one challenge, seven guesses, none of them the code (it went to the inbox).
        String challenge = field(start(handler, "victim@example.org", "203.0.113.10"), "challengeId");
        List<String> guesses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            APIGatewayV2HTTPResponse answer =
                    verify(handler, challenge, String.format(Locale.ROOT, "%06d", 100000 + i), "203.0.113.10");
            guesses.add(answer.getStatusCode() + retryAfter(answer));
        }
        System.out.println("guessing one challenge, 7 wrong codes: " + guesses);
        held &= guesses.subList(0, 4).stream().allMatch(s -> s.startsWith("401"))
                && guesses.subList(4, 7).stream().allMatch(s -> s.startsWith("429"));
        // The right code, read from the code queue (the sender does not run here), is refused too.
        String right = codeFromQueue(bench, challenge);
        APIGatewayV2HTTPResponse late = verify(handler, challenge, right, "203.0.113.10");
        System.out.println("then the right code: " + late.getStatusCode() + retryAfter(late));
        held &= late.getStatusCode() == 429;

        // 2. Per contact: the sixth challenge of the day is refused, from any address.
        List<String> starts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            starts.add(start(handler, "victim@example.org", "203.0.113." + (20 + i))
                            .getStatusCode() + "");
        }
        APIGatewayV2HTTPResponse sixth = start(handler, "victim@example.org", "203.0.113.99");
        starts.add(sixth.getStatusCode() + retryAfter(sixth));
        System.out.println("challenges for one contact (1 above + these, each from a new address): " + starts);
        held &= starts.subList(0, 4).stream().allMatch(s -> s.equals("202"))
                && starts.subList(4, starts.size()).stream().allMatch(s -> s.startsWith("429"));

        // 3. Per address: starts for ever new contacts from one address.
        int admitted = 0;
        APIGatewayV2HTTPResponse refused = null;
        for (int i = 0; i < startsPerAddress + 5; i++) {
            APIGatewayV2HTTPResponse answer = start(handler, "walker-" + i + "@example.org", "203.0.113.50");
            if (answer.getStatusCode() == 202) {
                admitted++;
            } else if (refused == null) {
                refused = answer;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "one address, %d starts for new contacts: %d admitted, then %s%n",
                startsPerAddress + 5,
                admitted,
                refused == null
                        ? "none refused"
                        : refused.getStatusCode() + retryAfter(refused) + " " + refused.getBody());
        held &= admitted == startsPerAddress && refused != null && refused.getStatusCode() == 429;

        // 4. Per address: code and reference checks.
        int checked = 0;
        APIGatewayV2HTTPResponse stopped = null;
        for (int i = 0; i < checksPerAddress + 5; i++) {
            APIGatewayV2HTTPResponse answer = handler.handleRequest(
                    BenchStack.request(
                            "POST",
                            "/v1/notices/verify",
                            "{\"reference\":\"AAAA-BBBB-CCCC-D" + i + "\"}",
                            "203.0.113.60"),
                    null);
            if (answer.getStatusCode() == 200) {
                checked++;
            } else if (stopped == null) {
                stopped = answer;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "one address, %d reference checks: %d answered, then %s%n",
                checksPerAddress + 5,
                checked,
                stopped == null ? "none refused" : stopped.getStatusCode() + retryAfter(stopped));
        held &= checked == checksPerAddress && stopped != null && stopped.getStatusCode() == 429;

        System.out.println(held ? "all limits held" : "A LIMIT DID NOT HOLD");
        bench.aws.close();
        if (!held) {
            System.exit(1);
        }
    }

    private static APIGatewayV2HTTPResponse start(LookupHandler handler, String email, String address) {
        return handler.handleRequest(
                BenchStack.request("POST", "/v1/challenges", "{\"contact\":\"" + email + "\"}", address), null);
    }

    private static APIGatewayV2HTTPResponse verify(
            LookupHandler handler, String challenge, String code, String address) {
        return handler.handleRequest(
                BenchStack.request(
                        "POST", "/v1/challenges/" + challenge + "/verify", "{\"code\":\"" + code + "\"}", address),
                null);
    }

    private static String codeFromQueue(BenchStack bench, String challenge) {
        String queue = bench.stack.physicalId("CodeQueue");
        for (int round = 0; round < 20; round++) {
            for (Message message : bench.aws
                    .sqs()
                    .receiveMessage(
                            b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()) {
                CodeRequest request = MessageCodec.decodeCodeRequest(message.body(), bench.codeSeal);
                if (request.challengeId().equals(challenge)) {
                    return request.code();
                }
            }
        }
        throw new IllegalStateException("the code request did not reach the code queue");
    }

    private static String retryAfter(APIGatewayV2HTTPResponse answer) {
        String value = answer.getHeaders().get("Retry-After");
        return value == null ? "" : " (Retry-After " + value + ")";
    }

    private static String field(APIGatewayV2HTTPResponse answer, String name) {
        try {
            return JSON.readTree(answer.getBody()).path(name).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
