package com.breachnotice.bench.lookup;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.breachnotice.lookup.LookupHandler;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * One fresh lookup process: builds the handler as Lambda's INIT would (settings, SDK clients, the
 * pepper from Secrets Manager, the static page and incident), answers one {@code POST
 * /v1/challenges}, and prints the time from JVM start to that answer. Started by {@link
 * ColdStartBench} with the environment of the stack it created; never run by hand.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {}

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainAt = System.currentTimeMillis();
        LookupHandler handler = new LookupHandler(System.getenv());
        long initDone = System.currentTimeMillis();
        APIGatewayV2HTTPResponse answer = handler.handleRequest(
                BenchStack.request(
                        "POST",
                        "/v1/challenges",
                        "{\"contact\":\"" + (args.length > 0 ? args[0] : "cold@example.org") + "\"}",
                        "198.51.100.7"),
                null);
        long answered = System.currentTimeMillis();
        // CPU time of the whole process (every thread, the JVM's own included) up to the answer: less
        // sensitive than elapsed time to what else runs on the machine, and the cost a function pays.
        long cpuMs = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1_000_000;
        System.out.printf(
                Locale.ROOT,
                "cold-start status=%d jvm_to_main_ms=%d init_ms=%d first_request_ms=%d jvm_to_answer_ms=%d"
                        + " cpu_ms=%d%n",
                answer.getStatusCode(),
                mainAt - jvmStart,
                initDone - mainAt,
                answered - initDone,
                answered - jvmStart,
                cpuMs);
    }
}
