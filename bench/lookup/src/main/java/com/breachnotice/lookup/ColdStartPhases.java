package com.breachnotice.lookup;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.aws.secrets.SecretsManagerPepperSource;
import com.breachnotice.core.contact.ContactNormalizer;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Where a cold start's time goes: the steps of the lookup's INIT one by one, in a fresh JVM started
 * by {@code ColdStartBench --phases}. Diagnostic only.
 */
public final class ColdStartPhases {

    private ColdStartPhases() {}

    public static void main(String[] args) {
        long jvm = ManagementFactory.getRuntimeMXBean().getStartTime();
        long t = System.currentTimeMillis();
        StringBuilder out = new StringBuilder("phases jvm_to_main=" + (t - jvm));
        FunctionEnvironment env = new FunctionEnvironment(System.getenv());
        LookupSettings settings = LookupSettings.from(env);
        t = mark(out, "settings", t);
        AwsClients aws = AwsClients.shared();
        aws.dynamoDb();
        t = mark(out, "dynamodb_client", t);
        aws.sqs();
        t = mark(out, "sqs_client", t);
        aws.secretsManager();
        t = mark(out, "secrets_client", t);
        new SecretsManagerPepperSource(aws.secretsManager(), settings.pepperSecretId()).pepper();
        t = mark(out, "pepper_call", t);
        ContactNormalizer.korea().either("010-1234-5678");
        t = mark(out, "phone_normalizer", t);
        StaticContent.load();
        t = mark(out, "static_content_and_jackson", t);
        System.out.println(out);
    }

    private static long mark(StringBuilder out, String phase, long since) {
        long now = System.currentTimeMillis();
        out.append(String.format(Locale.ROOT, " %s=%d", phase, now - since));
        return now;
    }
}
