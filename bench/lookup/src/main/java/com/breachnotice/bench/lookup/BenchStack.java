package com.breachnotice.bench.lookup;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.kms.KmsDataKeyProvider;
import com.breachnotice.aws.secrets.SecretsManagerPepperSource;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.contact.ContactNormalizer;
import com.breachnotice.core.contact.KeyRing;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.lookup.CodeSeal;
import com.breachnotice.emulator.LocalEmulator;
import com.breachnotice.emulator.ProvisionedStack;
import com.breachnotice.emulator.ResourceProvisioner;
import com.breachnotice.local.AwsTarget;
import com.breachnotice.local.LocalFunction;
import com.breachnotice.local.LocalRuntime;
import com.breachnotice.local.LocalRuntimeOptions;
import com.breachnotice.local.TemplateFunctions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A stack created from template.yaml on the local emulator, with synthetic contacts in its registry:
 * affected ones (items leaked) and known but unaffected ones (registered, no item). Everything is
 * generated; nothing here is a real person.
 */
final class BenchStack {

    final LocalEmulator emulator;
    final ProvisionedStack stack;
    final AwsClients aws;
    final ContactKeyer keyer;
    /** Opens the codes the lookup sealed into the code queue, as the code sender does. */
    final CodeSeal codeSeal;

    private BenchStack(
            LocalEmulator emulator, ProvisionedStack stack, AwsClients aws, ContactKeyer keyer, CodeSeal codeSeal) {
        this.codeSeal = codeSeal;
        this.emulator = emulator;
        this.stack = stack;
        this.aws = aws;
        this.keyer = keyer;
    }

    static BenchStack create(String purpose) {
        LocalEmulator emulator = LocalEmulator.shared();
        emulator.applyToSystemProperties();
        ProvisionedStack stack = ResourceProvisioner.forEmulator(emulator)
                .provision(
                        "bench-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 6));
        AwsClients aws = new AwsClients();
        KeyRing ring = new SecretsManagerPepperSource(aws.secretsManager(), stack.physicalId("PepperSecret")).keyRing();
        return new BenchStack(emulator, stack, aws, new ContactKeyer(ring), new CodeSeal(ring, new SecureRandom()));
    }

    /** The lookup function's environment as the template resolves it, plus the emulator's, plus overrides. */
    Map<String, String> lookupEnvironment(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(emulator.environment());
        for (LocalFunction function : TemplateFunctions.of(stack)) {
            if (function.logicalId().equals("LookupFunction")) {
                env.putAll(function.environment());
            }
        }
        env.putAll(overrides);
        return env;
    }

    /**
     * The functions of template.yaml behind the local runtime (HTTP API on 127.0.0.1, SQS pollers),
     * started; with {@code unlimitedAddresses} the lookup's per-address limits are lifted.
     */
    LocalRuntime runtime(boolean unlimitedAddresses) {
        List<LocalFunction> functions = new ArrayList<>();
        for (LocalFunction f : TemplateFunctions.of(stack)) {
            Map<String, String> env = new HashMap<>(f.environment());
            if (unlimitedAddresses && f.logicalId().equals("LookupFunction")) {
                env.put("ADDRESS_STARTS_PER_HOUR", "1000000");
                env.put("ADDRESS_CHECKS_PER_HOUR", "1000000");
            }
            functions.add(new LocalFunction(
                    f.logicalId(), f.functionName(), f.handler(), f.timeout(), f.memoryMb(), env, f.eventSources()));
        }
        Map<String, String> emulatorEnv = emulator.environment();
        AwsTarget target = new AwsTarget(
                emulator.endpoint(),
                stack.region(),
                TemplateFunctions.accountId(stack),
                stack.stackName(),
                emulatorEnv.getOrDefault("AWS_ACCESS_KEY_ID", "test"),
                emulatorEnv.getOrDefault("AWS_SECRET_ACCESS_KEY", "test"),
                emulatorEnv);
        return LocalRuntime.create(functions, target, LocalRuntimeOptions.defaults())
                .start();
    }

    /** Registers synthetic email contacts; {@code affected} decides whether they carry leaked items. */
    void register(List<String> emails, boolean affected) {
        String table = stack.physicalId("ContactTable");
        ContactCipher cipher =
                new ContactCipher(new KmsDataKeyProvider(aws.kms(), stack.attribute("ContactKey", "Arn")));
        List<WriteRequest> batch = new ArrayList<>();
        for (String email : emails) {
            Contact contact = ContactNormalizer.korea().either(email).orElseThrow();
            ContactKey key = keyer.keyOf(contact);
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("contactKey", AttributeValue.fromS(key.value()));
            item.put("kind", AttributeValue.fromS("email"));
            item.put("locale", AttributeValue.fromS("ko"));
            // Sealed as intake seals it, so a running code sender can open it and send.
            Sealed sealed = cipher.seal(contact.value(), key.value());
            item.put("valueCipher", AttributeValue.fromS(sealed.ciphertext()));
            item.put("dataKey", AttributeValue.fromS(sealed.wrappedKey()));
            item.put("smsCapable", AttributeValue.fromBool(false));
            if (affected) {
                item.put("items", AttributeValue.fromSs(List.of("name", "email", "address_book")));
            }
            batch.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item).build())
                    .build());
            if (batch.size() == 25) {
                write(table, batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            write(table, batch);
        }
    }

    private void write(String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(batch));
        for (int round = 0; round < 10 && !pending.isEmpty(); round++) {
            Map<String, List<WriteRequest>> asked = pending;
            pending = aws.dynamoDb().batchWriteItem(b -> b.requestItems(asked)).unprocessedItems();
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("the emulator kept items unprocessed");
        }
    }

    static List<String> emails(String prefix, int count) {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            emails.add(prefix + "-" + i + "@example.org");
        }
        return emails;
    }

    /** A challenge's verify path: API Gateway matches it to a route key with a path parameter. */
    private static final Pattern VERIFY_PATH = Pattern.compile("/v1/challenges/([^/]+)/verify");

    /**
     * An API Gateway HTTP API (payload 2.0) request as the local runtime builds it: the handler routes
     * by the matched route key and path parameters, so a verify path carries its template, not its id.
     */
    static APIGatewayV2HTTPEvent request(String method, String path, String body, String sourceIp) {
        Matcher verify = VERIFY_PATH.matcher(path);
        String routeKey = method + " " + path;
        Map<String, String> pathParameters = null;
        if (verify.matches()) {
            routeKey = method + " /v1/challenges/{challengeId}/verify";
            pathParameters = Map.of("challengeId", verify.group(1));
        }
        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method)
                .withPath(path)
                .withSourceIp(sourceIp)
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withPathParameters(pathParameters)
                .withRawPath(path)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(http)
                        .build())
                .build();
    }
}
