package com.breachnotice.bench.lookup;

import com.breachnotice.aws.dynamodb.DynamoDbIncidentStore;
import com.breachnotice.aws.incident.IncidentJson;
import com.breachnotice.local.LocalRuntime;
import java.time.Duration;
import java.util.List;

/**
 * The lookup behind the local runtime's HTTP API, on a fresh stack with a few synthetic contacts,
 * and the sample incident published, for tools that speak HTTP (schemathesis). Prints {@code listening http://127.0.0.1:<port>} and
 * serves until its standard input closes or {@code maxMinutes} pass.
 *
 * <p>Run by {@code bench/lookup/schemathesis.sh}.
 */
public final class LookupServer {

    private LookupServer() {}

    public static void main(String[] args) throws Exception {
        long maxMinutes = args.length > 0 ? Long.parseLong(args[0]) : 20;
        BenchStack bench = BenchStack.create("http");
        bench.register(List.of("fuzz-affected@example.org"), true);
        bench.register(List.of("fuzz-known@example.org"), false);
        // The built-in sample incident, as the demo publishes it: before one is published,
        // GET /v1/incident answers 503 and the fuzzer would count a server error.
        new DynamoDbIncidentStore(bench.aws.dynamoDb(), bench.stack.physicalId("CampaignTable"))
                .publish(IncidentJson.sample());
        // Address limits out of the way, so the fuzzer reaches the logic behind them (the limits
        // have their own benchmark); everything else as template.yaml says.
        try (LocalRuntime runtime = bench.runtime(true)) {
            System.out.println("listening http://127.0.0.1:" + runtime.httpPort());
            System.out.flush();
            Thread stdin = new Thread(() -> {
                try {
                    while (System.in.read() >= 0) {
                        // drain until closed
                    }
                } catch (java.io.IOException closed) {
                    // treated as closed
                }
            });
            stdin.setDaemon(true);
            stdin.start();
            stdin.join(Duration.ofMinutes(maxMinutes));
        }
        bench.aws.close();
    }
}
