package com.breachnotice.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortIncompleteMultipartUpload;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionExpiration;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Creates every resource of {@code template.yaml} in the emulator, under a name prefix that stands
 * for the stack name: tables, queues (dead-letter queues first), topics and subscriptions, buckets,
 * KMS keys and aliases, secrets, and the policies attached to them. Resource types the emulator does
 * not serve are skipped with their reason (see {@link ProvisionedStack#notProvisioned()}); a type
 * that is neither provisioned nor knowingly skipped, or a property the local environment does not
 * reproduce, fails loudly so that the template and the local environment cannot drift apart.
 *
 * <p>Idempotent: provisioning the same prefix twice finds and keeps what exists.
 */
public final class ResourceProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceProvisioner.class);

    /**
     * Parameter values for the local environment, where the template has no default or a deploy's
     * default does not fit: CloudFront and AWS WAF exist only in AWS, so the edge's resources (all
     * under the condition EdgeEnabled) are skipped and the lookup runs without the edge's header check.
     */
    public static final Map<String, String> LOCAL_PARAMETERS = Map.of(
            "NoticeFromAddress", "notices@breach-notice.example",
            "TableDeletionProtection", "false",
            "EnableEdge", "false");

    /** Types the local environment deliberately does not create, and why. */
    static final Map<String, String> SKIPPED_TYPES = Map.of(
            "AWS::Serverless::Function", "functions run in the local runtime, which invokes the handler classes",
            "AWS::Serverless::HttpApi", "the local runtime serves the HTTP API and invokes the lookup handler",
            "AWS::Logs::LogGroup", "local functions log through slf4j, not CloudWatch Logs",
            "AWS::IAM::Role", "the local environment checks no permissions (SNS's SMS delivery-status role)",
            "AWS::CloudWatch::Alarm", "the emulator has no metrics to alarm on",
            "AWS::CloudWatch::Dashboard", "the emulator has no metrics to show",
            "AWS::SES::ConfigurationSet",
                    "neither moto's SES v2 nor aws-ses-v2-local has configuration sets; its name is passed through",
            "AWS::SES::ConfigurationSetEventDestination",
                    "the emulators publish no SES events; tests produce them with a test double");

    /** Skipped types whose {@code Ref} is a name that code may still carry (and the property holding it). */
    private static final Map<String, String> NAMED_SKIPPED_TYPES = Map.of(
            "AWS::Serverless::Function", "FunctionName",
            "AWS::Logs::LogGroup", "LogGroupName",
            "AWS::SES::ConfigurationSet", "Name",
            "AWS::SES::ConfigurationSetEventDestination", "");

    /** Properties accepted per type but not reproduced locally, and why. */
    private static final Map<String, Map<String, String>> IGNORED_PROPERTIES = Map.of(
            "AWS::DynamoDB::Table",
            Map.of(
                    "DeletionProtectionEnabled", "local stacks must stay disposable",
                    "WarmThroughput", "the emulator has no throughput limits to warm",
                    "Tags", "metadata"),
            "AWS::KMS::Key",
            Map.of("PendingWindowInDays", "keys are never deleted locally", "Tags", "metadata"),
            "AWS::SQS::Queue",
            Map.of("Tags", "metadata"),
            "AWS::S3::Bucket",
            Map.of("Tags", "metadata"),
            "AWS::SNS::Topic",
            Map.of("Tags", "metadata"),
            "AWS::SecretsManager::Secret",
            Map.of("Tags", "metadata"));

    private static final Set<String> PASSWORD_PUNCTUATION = Set.of(
            "!", "\"", "#", "$", "%", "&", "'", "(", ")", "*", "+", ",", "-", ".", "/", ":", ";", "<", "=", ">", "?",
            "@", "[", "\\", "]", "^", "_", "`", "{", "|", "}", "~");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CloudFormationTemplate template;
    private final URI endpoint;
    private final String region;
    private final Map<String, String> parameters;

    public ResourceProvisioner(CloudFormationTemplate template, URI endpoint, String region) {
        this(template, endpoint, region, Map.of());
    }

    /** @param parameters template parameter values; {@link #LOCAL_PARAMETERS} fill the rest */
    public ResourceProvisioner(
            CloudFormationTemplate template, URI endpoint, String region, Map<String, String> parameters) {
        this.template = template;
        this.endpoint = endpoint;
        this.region = region;
        Map<String, String> merged = new HashMap<>(LOCAL_PARAMETERS);
        merged.putAll(parameters);
        this.parameters = Map.copyOf(merged);
    }

    /** A provisioner for the repository's {@code template.yaml} against the given emulator. */
    public static ResourceProvisioner forEmulator(LocalEmulator emulator) {
        return new ResourceProvisioner(
                CloudFormationTemplate.load(emulator.repositoryRoot().resolve(CloudFormationTemplate.FILE_NAME)),
                emulator.endpoint(),
                emulator.region());
    }

    /**
     * Creates (or finds) every resource under {@code prefix}. The prefix becomes {@code
     * ${AWS::StackName}} and starts every derived name: lower case letters, digits and dashes, at most
     * 40 characters (bucket names).
     */
    public ProvisionedStack provision(String prefix) {
        if (!prefix.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException(
                    "prefix must be lower case letters, digits and dashes, at most 40 characters: " + prefix);
        }
        Map<String, ProvisionedStack.Physical> physical = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        ProvisionedStack stack = new ProvisionedStack(template, prefix, region, parameters, physical, skipped);
        IntrinsicResolver conditions = new IntrinsicResolver(template, parameters, region, prefix, new NoResources());
        try (Clients clients = new Clients(endpoint, region)) {
            for (String logicalId : creationOrder()) {
                CloudFormationTemplate.Resource resource = template.requireResource(logicalId);
                Object condition = resource.definition().get("Condition");
                if (condition instanceof String name && !conditions.condition(name)) {
                    skipped.put(logicalId, "condition " + name + " is false");
                    continue;
                }
                String reason = SKIPPED_TYPES.get(resource.type());
                if (reason != null) {
                    skipped.put(logicalId, reason);
                    String nameProperty = NAMED_SKIPPED_TYPES.get(resource.type());
                    if (nameProperty != null) {
                        String name = resource.property(nameProperty)
                                .map(stack::resolveString)
                                .orElseGet(() -> derivedName(prefix, logicalId, 64));
                        physical.put(logicalId, new ProvisionedStack.Physical(name, Map.of()));
                    }
                    continue;
                }
                checkProperties(resource);
                ProvisionedStack.Physical created = new Creator(clients, stack, prefix).create(resource);
                physical.put(logicalId, created);
                LOG.debug("{} {} -> {}", resource.type(), logicalId, created.ref());
            }
        }
        LOG.info(
                "provisioned stack {}: {} resources, {} skipped",
                prefix,
                stack.provisioned().size(),
                skipped.size());
        return stack;
    }

    /** Resources in an order where every resource comes after those it refers to. */
    List<String> creationOrder() {
        Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        template.resources().forEach((id, resource) -> {
            Set<String> deps = new LinkedHashSet<>(IntrinsicResolver.references(resource.properties()));
            Object dependsOn = resource.definition().get("DependsOn");
            if (dependsOn instanceof String single) {
                deps.add(single);
            } else if (dependsOn instanceof List<?> list) {
                list.forEach(d -> deps.add(String.valueOf(d)));
            }
            deps.retainAll(template.resources().keySet());
            deps.remove(id);
            dependencies.put(id, deps);
        });
        List<String> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (String id : dependencies.keySet()) {
            visit(id, dependencies, done, visiting, order, new ArrayDeque<>());
        }
        return order;
    }

    private static void visit(
            String id,
            Map<String, Set<String>> dependencies,
            Set<String> done,
            Set<String> visiting,
            List<String> order,
            Deque<String> path) {
        if (done.contains(id)) {
            return;
        }
        path.push(id);
        if (!visiting.add(id)) {
            throw new IllegalStateException("circular dependency in template.yaml: " + path);
        }
        for (String dep : dependencies.getOrDefault(id, Set.of())) {
            // Skipped types (functions) may take part in cycles CloudFormation breaks through SAM.
            visit(dep, dependencies, done, visiting, order, path);
        }
        visiting.remove(id);
        done.add(id);
        order.add(id);
        path.pop();
    }

    private static void checkProperties(CloudFormationTemplate.Resource resource) {
        Set<String> supported = Creator.SUPPORTED.get(resource.type());
        if (supported == null) {
            throw new IllegalStateException("template.yaml declares " + resource.logicalId() + " of type "
                    + resource.type()
                    + ", which the local environment neither provisions nor knowingly skips: teach "
                    + ResourceProvisioner.class.getSimpleName() + " about it");
        }
        Map<String, String> ignored = IGNORED_PROPERTIES.getOrDefault(resource.type(), Map.of());
        for (String property : resource.properties().keySet()) {
            if (!supported.contains(property) && !ignored.containsKey(property)) {
                throw new IllegalStateException("template.yaml sets " + resource.logicalId() + "." + property
                        + ", which the local environment does not reproduce: teach "
                        + ResourceProvisioner.class.getSimpleName() + " about it");
            }
        }
    }

    static String derivedName(String prefix, String logicalId, int maxLength) {
        String name = prefix + "-" + logicalId;
        return name.length() <= maxLength ? name : name.substring(0, maxLength);
    }

    static String generatedSecret(Map<String, Object> spec) {
        int length = spec.get("PasswordLength") instanceof Number n ? n.intValue() : 32;
        StringBuilder alphabet = new StringBuilder();
        if (!isTrue(spec.get("ExcludeLowercase"))) {
            alphabet.append("abcdefghijklmnopqrstuvwxyz");
        }
        if (!isTrue(spec.get("ExcludeUppercase"))) {
            alphabet.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        }
        if (!isTrue(spec.get("ExcludeNumbers"))) {
            alphabet.append("0123456789");
        }
        if (!isTrue(spec.get("ExcludePunctuation"))) {
            PASSWORD_PUNCTUATION.stream().sorted().forEach(alphabet::append);
        }
        if (isTrue(spec.get("IncludeSpace"))) {
            alphabet.append(' ');
        }
        String excluded = spec.get("ExcludeCharacters") instanceof String s ? s : "";
        String chars = alphabet.chars()
                .filter(c -> excluded.indexOf(c) < 0)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        if (chars.isEmpty()) {
            throw new IllegalArgumentException("GenerateSecretString excludes every character");
        }
        StringBuilder secret = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            secret.append(chars.charAt(RANDOM.nextInt(chars.length())));
        }
        return secret.toString();
    }

    private static boolean isTrue(@Nullable Object value) {
        return value != null && Boolean.parseBoolean(String.valueOf(value));
    }

    private static String json(@Nullable Object value) {
        if (value == null) {
            throw new IllegalArgumentException("missing policy or document");
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON of " + value, e);
        }
    }

    /** The SDK clients of one provisioning run, on one light HTTP client. */
    static final class Clients implements AutoCloseable {
        final SdkHttpClient http;
        final DynamoDbClient dynamoDb;
        final SqsClient sqs;
        final SnsClient sns;
        final S3Client s3;
        final KmsClient kms;
        final SecretsManagerClient secretsManager;

        Clients(URI endpoint, String region) {
            http = UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(Duration.ofSeconds(30))
                    .build();
            dynamoDb = configure(DynamoDbClient.builder(), endpoint, region).build();
            sqs = configure(SqsClient.builder(), endpoint, region).build();
            sns = configure(SnsClient.builder(), endpoint, region).build();
            s3 = configure(S3Client.builder().forcePathStyle(true), endpoint, region)
                    .build();
            kms = configure(KmsClient.builder(), endpoint, region).build();
            secretsManager =
                    configure(SecretsManagerClient.builder(), endpoint, region).build();
        }

        private <B extends AwsClientBuilder<B, ?>> B configure(B builder, URI endpoint, String region) {
            builder.endpointOverride(endpoint)
                    .region(Region.of(region))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
            if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
                sync.httpClient(http);
            }
            return builder;
        }

        @Override
        public void close() {
            dynamoDb.close();
            sqs.close();
            sns.close();
            s3.close();
            kms.close();
            secretsManager.close();
            http.close();
        }
    }

    /** Creates one resource; each method returns its {@code Ref} and {@code GetAtt} values. */
    private static final class Creator {

        static final Map<String, Set<String>> SUPPORTED = Map.ofEntries(
                Map.entry(
                        "AWS::DynamoDB::Table",
                        Set.of(
                                "TableName",
                                "AttributeDefinitions",
                                "KeySchema",
                                "BillingMode",
                                "ProvisionedThroughput",
                                "GlobalSecondaryIndexes",
                                "LocalSecondaryIndexes",
                                "SSESpecification",
                                "StreamSpecification",
                                "TimeToLiveSpecification",
                                "PointInTimeRecoverySpecification")),
                Map.entry(
                        "AWS::SQS::Queue",
                        Set.of(
                                "QueueName",
                                "VisibilityTimeout",
                                "MessageRetentionPeriod",
                                "DelaySeconds",
                                "MaximumMessageSize",
                                "ReceiveMessageWaitTimeSeconds",
                                "RedrivePolicy",
                                "RedriveAllowPolicy",
                                "SqsManagedSseEnabled",
                                "KmsMasterKeyId",
                                "KmsDataKeyReusePeriodSeconds",
                                "FifoQueue",
                                "ContentBasedDeduplication")),
                Map.entry("AWS::SQS::QueuePolicy", Set.of("Queues", "PolicyDocument")),
                Map.entry(
                        "AWS::SNS::Topic",
                        Set.of("TopicName", "DisplayName", "KmsMasterKeyId", "Subscription", "FifoTopic")),
                Map.entry("AWS::SNS::TopicPolicy", Set.of("Topics", "PolicyDocument")),
                Map.entry(
                        "AWS::SNS::Subscription",
                        Set.of(
                                "TopicArn",
                                "Protocol",
                                "Endpoint",
                                "RawMessageDelivery",
                                "FilterPolicy",
                                "RedrivePolicy")),
                Map.entry(
                        "AWS::S3::Bucket",
                        Set.of(
                                "BucketName",
                                "PublicAccessBlockConfiguration",
                                "BucketEncryption",
                                "LifecycleConfiguration",
                                "VersioningConfiguration")),
                Map.entry("AWS::S3::BucketPolicy", Set.of("Bucket", "PolicyDocument")),
                Map.entry(
                        "AWS::KMS::Key",
                        Set.of("Description", "EnableKeyRotation", "KeyPolicy", "Enabled", "KeyUsage", "KeySpec")),
                Map.entry("AWS::KMS::Alias", Set.of("AliasName", "TargetKeyId")),
                Map.entry(
                        "AWS::SecretsManager::Secret",
                        Set.of("Name", "Description", "GenerateSecretString", "SecretString", "KmsKeyId")));

        private final Clients clients;
        private final ProvisionedStack stack;
        private final String prefix;
        private final String region;

        Creator(Clients clients, ProvisionedStack stack, String prefix) {
            this.clients = clients;
            this.stack = stack;
            this.prefix = prefix;
            this.region = stack.region();
        }

        ProvisionedStack.Physical create(CloudFormationTemplate.Resource resource) {
            Map<String, Object> p = resolvedProperties(resource);
            String id = resource.logicalId();
            return switch (resource.type()) {
                case "AWS::DynamoDB::Table" -> table(id, p);
                case "AWS::SQS::Queue" -> queue(id, p);
                case "AWS::SQS::QueuePolicy" -> queuePolicy(id, p);
                case "AWS::SNS::Topic" -> topic(id, p);
                case "AWS::SNS::TopicPolicy" -> topicPolicy(id, p);
                case "AWS::SNS::Subscription" -> subscription(p);
                case "AWS::S3::Bucket" -> bucket(id, p);
                case "AWS::S3::BucketPolicy" -> bucketPolicy(id, p);
                case "AWS::KMS::Key" -> key(id, p);
                case "AWS::KMS::Alias" -> alias(p);
                case "AWS::SecretsManager::Secret" -> secret(id, p);
                default -> throw new IllegalStateException("no creator for " + resource.type());
            };
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> resolvedProperties(CloudFormationTemplate.Resource resource) {
            return (Map<String, Object>) stack.resolve(resource.properties());
        }

        private String name(String logicalId, Map<String, Object> p, String property, int maxLength) {
            Object explicit = p.get(property);
            return explicit != null ? String.valueOf(explicit) : derivedName(prefix, logicalId, maxLength);
        }

        private ProvisionedStack.Physical table(String logicalId, Map<String, Object> p) {
            String name = name(logicalId, p, "TableName", 255);
            TableDescription table;
            try {
                table = clients.dynamoDb.describeTable(r -> r.tableName(name)).table();
            } catch (ResourceNotFoundException absent) {
                boolean provisioned = "PROVISIONED".equals(p.get("BillingMode"));
                CreateTableRequest.Builder request = CreateTableRequest.builder()
                        .tableName(name)
                        .attributeDefinitions(maps(p.get("AttributeDefinitions")).stream()
                                .map(a -> AttributeDefinition.builder()
                                        .attributeName(text(a.get("AttributeName")))
                                        .attributeType(text(a.get("AttributeType")))
                                        .build())
                                .toList())
                        .keySchema(keySchema(p.get("KeySchema")))
                        .billingMode(provisioned ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST);
                if (provisioned) {
                    request.provisionedThroughput(throughput(p.get("ProvisionedThroughput")));
                }
                List<GlobalSecondaryIndex> globals = maps(p.get("GlobalSecondaryIndexes")).stream()
                        .map(i -> {
                            GlobalSecondaryIndex.Builder index = GlobalSecondaryIndex.builder()
                                    .indexName(text(i.get("IndexName")))
                                    .keySchema(keySchema(i.get("KeySchema")))
                                    .projection(projection(i.get("Projection")));
                            if (provisioned) {
                                index.provisionedThroughput(throughput(i.get("ProvisionedThroughput")));
                            }
                            return index.build();
                        })
                        .toList();
                if (!globals.isEmpty()) {
                    request.globalSecondaryIndexes(globals);
                }
                List<LocalSecondaryIndex> locals = maps(p.get("LocalSecondaryIndexes")).stream()
                        .map(i -> LocalSecondaryIndex.builder()
                                .indexName(text(i.get("IndexName")))
                                .keySchema(keySchema(i.get("KeySchema")))
                                .projection(projection(i.get("Projection")))
                                .build())
                        .toList();
                if (!locals.isEmpty()) {
                    request.localSecondaryIndexes(locals);
                }
                Map<String, Object> sse = TemplateYaml.asMap(p.get("SSESpecification"));
                if (sse != null) {
                    SSESpecification.Builder spec = SSESpecification.builder().enabled(isTrue(sse.get("SSEEnabled")));
                    if (sse.get("SSEType") != null) {
                        spec.sseType(text(sse.get("SSEType")));
                    }
                    if (sse.get("KMSMasterKeyId") != null) {
                        spec.kmsMasterKeyId(text(sse.get("KMSMasterKeyId")));
                    }
                    request.sseSpecification(spec.build());
                }
                Map<String, Object> stream = TemplateYaml.asMap(p.get("StreamSpecification"));
                if (stream != null) {
                    request.streamSpecification(StreamSpecification.builder()
                            .streamEnabled(true)
                            .streamViewType(text(stream.get("StreamViewType")))
                            .build());
                }
                table = clients.dynamoDb.createTable(request.build()).tableDescription();
            }
            Map<String, Object> ttl = TemplateYaml.asMap(p.get("TimeToLiveSpecification"));
            if (ttl != null && isTrue(ttl.get("Enabled"))) {
                TimeToLiveStatus status = clients.dynamoDb
                        .describeTimeToLive(r -> r.tableName(name))
                        .timeToLiveDescription()
                        .timeToLiveStatus();
                if (status != TimeToLiveStatus.ENABLED && status != TimeToLiveStatus.ENABLING) {
                    clients.dynamoDb.updateTimeToLive(r -> r.tableName(name)
                            .timeToLiveSpecification(
                                    s -> s.enabled(true).attributeName(text(ttl.get("AttributeName")))));
                }
            }
            Map<String, Object> pitr = TemplateYaml.asMap(p.get("PointInTimeRecoverySpecification"));
            if (pitr != null && isTrue(pitr.get("PointInTimeRecoveryEnabled"))) {
                clients.dynamoDb.updateContinuousBackups(r ->
                        r.tableName(name).pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("Arn", table.tableArn());
            if (table.latestStreamArn() != null) {
                attributes.put("StreamArn", table.latestStreamArn());
            }
            return new ProvisionedStack.Physical(name, attributes);
        }

        private ProvisionedStack.Physical queue(String logicalId, Map<String, Object> p) {
            boolean fifo = isTrue(p.get("FifoQueue"));
            String name = name(logicalId, p, "QueueName", fifo ? 75 : 80);
            if (fifo && !name.endsWith(".fifo")) {
                name = name + ".fifo";
            }
            Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : p.entrySet()) {
                if (e.getKey().equals("QueueName")) {
                    continue;
                }
                QueueAttributeName attribute = QueueAttributeName.fromValue(e.getKey());
                if (attribute == QueueAttributeName.UNKNOWN_TO_SDK_VERSION) {
                    throw new IllegalStateException("no SQS attribute for " + e.getKey());
                }
                Object value = e.getValue();
                attributes.put(
                        attribute,
                        value instanceof Map<?, ?> || value instanceof List<?> ? json(value) : String.valueOf(value));
            }
            String queueName = name;
            String url;
            try {
                String existing =
                        clients.sqs.getQueueUrl(r -> r.queueName(queueName)).queueUrl();
                Map<QueueAttributeName, String> mutable = new LinkedHashMap<>(attributes);
                mutable.remove(QueueAttributeName.FIFO_QUEUE);
                if (!mutable.isEmpty()) {
                    clients.sqs.setQueueAttributes(r -> r.queueUrl(existing).attributes(mutable));
                }
                url = existing;
            } catch (QueueDoesNotExistException absent) {
                url = clients.sqs
                        .createQueue(r -> r.queueName(queueName).attributes(attributes))
                        .queueUrl();
            }
            String queueUrl = url;
            String arn = clients.sqs
                    .getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes()
                    .get(QueueAttributeName.QUEUE_ARN);
            return new ProvisionedStack.Physical(url, Map.of("Arn", arn, "QueueName", name, "QueueUrl", url));
        }

        private ProvisionedStack.Physical queuePolicy(String logicalId, Map<String, Object> p) {
            String policy = json(p.get("PolicyDocument"));
            for (Object queueUrl : list(p.get("Queues"))) {
                clients.sqs.setQueueAttributes(r ->
                        r.queueUrl(String.valueOf(queueUrl)).attributes(Map.of(QueueAttributeName.POLICY, policy)));
            }
            return new ProvisionedStack.Physical(derivedName(prefix, logicalId, 128), Map.of());
        }

        private ProvisionedStack.Physical topic(String logicalId, Map<String, Object> p) {
            boolean fifo = isTrue(p.get("FifoTopic"));
            String name = name(logicalId, p, "TopicName", fifo ? 251 : 256);
            if (fifo && !name.endsWith(".fifo")) {
                name = name + ".fifo";
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            if (p.get("DisplayName") != null) {
                attributes.put("DisplayName", text(p.get("DisplayName")));
            }
            if (p.get("KmsMasterKeyId") != null) {
                attributes.put("KmsMasterKeyId", text(p.get("KmsMasterKeyId")));
            }
            if (fifo) {
                attributes.put("FifoTopic", "true");
            }
            String topicName = name;
            String arn = clients.sns
                    .createTopic(r -> r.name(topicName).attributes(attributes))
                    .topicArn();
            for (Map<String, Object> subscription : maps(p.get("Subscription"))) {
                subscribe(arn, text(subscription.get("Protocol")), text(subscription.get("Endpoint")), Map.of());
            }
            return new ProvisionedStack.Physical(arn, Map.of("TopicArn", arn, "TopicName", name));
        }

        private ProvisionedStack.Physical topicPolicy(String logicalId, Map<String, Object> p) {
            String policy = json(p.get("PolicyDocument"));
            for (Object topicArn : list(p.get("Topics"))) {
                clients.sns.setTopicAttributes(r -> r.topicArn(String.valueOf(topicArn))
                        .attributeName("Policy")
                        .attributeValue(policy));
            }
            return new ProvisionedStack.Physical(derivedName(prefix, logicalId, 128), Map.of());
        }

        private ProvisionedStack.Physical subscription(Map<String, Object> p) {
            Map<String, String> attributes = new LinkedHashMap<>();
            if (p.get("RawMessageDelivery") != null) {
                attributes.put("RawMessageDelivery", text(p.get("RawMessageDelivery")));
            }
            if (p.get("FilterPolicy") != null) {
                attributes.put("FilterPolicy", json(p.get("FilterPolicy")));
            }
            if (p.get("RedrivePolicy") != null) {
                attributes.put("RedrivePolicy", json(p.get("RedrivePolicy")));
            }
            String arn =
                    subscribe(text(p.get("TopicArn")), text(p.get("Protocol")), text(p.get("Endpoint")), attributes);
            return new ProvisionedStack.Physical(arn, Map.of("Arn", arn));
        }

        private String subscribe(String topicArn, String protocol, String endpoint, Map<String, String> attributes) {
            for (Subscription existing : clients.sns
                    .listSubscriptionsByTopic(r -> r.topicArn(topicArn))
                    .subscriptions()) {
                if (existing.protocol().equals(protocol) && existing.endpoint().equals(endpoint)) {
                    return existing.subscriptionArn();
                }
            }
            return clients.sns
                    .subscribe(r -> r.topicArn(topicArn)
                            .protocol(protocol)
                            .endpoint(endpoint)
                            .attributes(attributes)
                            .returnSubscriptionArn(true))
                    .subscriptionArn();
        }

        private ProvisionedStack.Physical bucket(String logicalId, Map<String, Object> p) {
            String name = p.get("BucketName") != null
                    ? text(p.get("BucketName"))
                    : derivedName(prefix, logicalId, 63).toLowerCase(Locale.ROOT);
            try {
                clients.s3.headBucket(r -> r.bucket(name));
            } catch (NoSuchBucketException absent) {
                clients.s3.createBucket(r -> {
                    r.bucket(name);
                    if (!region.equals("us-east-1")) {
                        r.createBucketConfiguration(c -> c.locationConstraint(region));
                    }
                });
            }
            Map<String, Object> block = TemplateYaml.asMap(p.get("PublicAccessBlockConfiguration"));
            if (block != null) {
                clients.s3.putPublicAccessBlock(r -> r.bucket(name)
                        .publicAccessBlockConfiguration(PublicAccessBlockConfiguration.builder()
                                .blockPublicAcls(isTrue(block.get("BlockPublicAcls")))
                                .blockPublicPolicy(isTrue(block.get("BlockPublicPolicy")))
                                .ignorePublicAcls(isTrue(block.get("IgnorePublicAcls")))
                                .restrictPublicBuckets(isTrue(block.get("RestrictPublicBuckets")))
                                .build()));
            }
            Map<String, Object> encryption = TemplateYaml.asMap(p.get("BucketEncryption"));
            if (encryption != null) {
                List<ServerSideEncryptionRule> rules =
                        maps(encryption.get("ServerSideEncryptionConfiguration")).stream()
                                .map(rule -> {
                                    Map<String, Object> byDefault = CloudFormationTemplate.requireMap(
                                            rule.get("ServerSideEncryptionByDefault"), "SSE");
                                    ServerSideEncryptionByDefault.Builder d = ServerSideEncryptionByDefault.builder()
                                            .sseAlgorithm(ServerSideEncryption.fromValue(
                                                    text(byDefault.get("SSEAlgorithm"))));
                                    if (byDefault.get("KMSMasterKeyID") != null) {
                                        d.kmsMasterKeyID(text(byDefault.get("KMSMasterKeyID")));
                                    }
                                    return ServerSideEncryptionRule.builder()
                                            .applyServerSideEncryptionByDefault(d.build())
                                            .bucketKeyEnabled(isTrue(rule.get("BucketKeyEnabled")))
                                            .build();
                                })
                                .toList();
                clients.s3.putBucketEncryption(
                        r -> r.bucket(name).serverSideEncryptionConfiguration(c -> c.rules(rules)));
            }
            Map<String, Object> lifecycle = TemplateYaml.asMap(p.get("LifecycleConfiguration"));
            if (lifecycle != null) {
                List<LifecycleRule> rules = maps(lifecycle.get("Rules")).stream()
                        .map(Creator::lifecycleRule)
                        .toList();
                clients.s3.putBucketLifecycleConfiguration(r -> r.bucket(name)
                        .lifecycleConfiguration(BucketLifecycleConfiguration.builder()
                                .rules(rules)
                                .build()));
            }
            Map<String, Object> versioning = TemplateYaml.asMap(p.get("VersioningConfiguration"));
            if (versioning != null) {
                clients.s3.putBucketVersioning(r -> r.bucket(name)
                        .versioningConfiguration(
                                v -> v.status(BucketVersioningStatus.fromValue(text(versioning.get("Status"))))));
            }
            return new ProvisionedStack.Physical(
                    name,
                    Map.of(
                            "Arn", "arn:aws:s3:::" + name,
                            "DomainName", name + ".s3.amazonaws.com",
                            "RegionalDomainName", name + ".s3." + region + ".amazonaws.com"));
        }

        private static final Set<String> LIFECYCLE_KEYS = Set.of(
                "Id",
                "Status",
                "Prefix",
                "ExpirationInDays",
                "AbortIncompleteMultipartUpload",
                "NoncurrentVersionExpirationInDays");

        private static LifecycleRule lifecycleRule(Map<String, Object> rule) {
            for (String key : rule.keySet()) {
                if (!LIFECYCLE_KEYS.contains(key)) {
                    throw new IllegalStateException("lifecycle rule property " + key + " is not reproduced locally");
                }
            }
            LifecycleRule.Builder builder = LifecycleRule.builder()
                    .status(ExpirationStatus.fromValue(text(rule.get("Status"))))
                    .filter(LifecycleRuleFilter.builder()
                            .prefix(rule.get("Prefix") == null ? "" : text(rule.get("Prefix")))
                            .build());
            if (rule.get("Id") != null) {
                builder.id(text(rule.get("Id")));
            }
            if (rule.get("ExpirationInDays") != null) {
                builder.expiration(LifecycleExpiration.builder()
                        .days(integer(rule.get("ExpirationInDays")))
                        .build());
            }
            Map<String, Object> abort = TemplateYaml.asMap(rule.get("AbortIncompleteMultipartUpload"));
            if (abort != null) {
                builder.abortIncompleteMultipartUpload(AbortIncompleteMultipartUpload.builder()
                        .daysAfterInitiation(integer(abort.get("DaysAfterInitiation")))
                        .build());
            }
            if (rule.get("NoncurrentVersionExpirationInDays") != null) {
                builder.noncurrentVersionExpiration(NoncurrentVersionExpiration.builder()
                        .noncurrentDays(integer(rule.get("NoncurrentVersionExpirationInDays")))
                        .build());
            }
            return builder.build();
        }

        private ProvisionedStack.Physical bucketPolicy(String logicalId, Map<String, Object> p) {
            String bucket = text(p.get("Bucket"));
            Optional<Map<String, Object>> local =
                    localBucketPolicy(CloudFormationTemplate.requireMap(p.get("PolicyDocument"), "PolicyDocument"));
            if (local.isPresent()) {
                String policy = json(local.get());
                clients.s3.putBucketPolicy(r -> r.bucket(bucket).policy(policy));
            }
            return new ProvisionedStack.Physical(derivedName(prefix, logicalId, 128), Map.of());
        }

        private static final String STACK_TAG = "breach-notice:stack";
        private static final String LOGICAL_ID_TAG = "breach-notice:logical-id";

        private ProvisionedStack.Physical key(String logicalId, Map<String, Object> p) {
            KeyMetadata key = findKey(logicalId);
            if (key == null) {
                key = clients.kms
                        .createKey(r -> {
                            r.tags(
                                    Tag.builder()
                                            .tagKey(STACK_TAG)
                                            .tagValue(prefix)
                                            .build(),
                                    Tag.builder()
                                            .tagKey(LOGICAL_ID_TAG)
                                            .tagValue(logicalId)
                                            .build());
                            if (p.get("Description") != null) {
                                r.description(text(p.get("Description")));
                            }
                            if (p.get("KeyPolicy") != null) {
                                r.policy(json(p.get("KeyPolicy")));
                            }
                            if (p.get("KeyUsage") != null) {
                                r.keyUsage(text(p.get("KeyUsage")));
                            }
                            if (p.get("KeySpec") != null) {
                                r.keySpec(text(p.get("KeySpec")));
                            }
                        })
                        .keyMetadata();
            }
            String keyId = key.keyId();
            if (isTrue(p.get("EnableKeyRotation"))) {
                clients.kms.enableKeyRotation(r -> r.keyId(keyId));
            }
            if (p.get("Enabled") != null && !isTrue(p.get("Enabled"))) {
                clients.kms.disableKey(r -> r.keyId(keyId));
            }
            return new ProvisionedStack.Physical(keyId, Map.of("Arn", key.arn(), "KeyId", keyId));
        }

        private @Nullable KeyMetadata findKey(String logicalId) {
            for (KeyListEntry entry : clients.kms.listKeysPaginator(r -> {}).keys()) {
                Map<String, String> tags = new HashMap<>();
                clients.kms
                        .listResourceTags(r -> r.keyId(entry.keyId()))
                        .tags()
                        .forEach(t -> tags.put(t.tagKey(), t.tagValue()));
                if (prefix.equals(tags.get(STACK_TAG)) && logicalId.equals(tags.get(LOGICAL_ID_TAG))) {
                    return clients.kms.describeKey(r -> r.keyId(entry.keyId())).keyMetadata();
                }
            }
            return null;
        }

        private ProvisionedStack.Physical alias(Map<String, Object> p) {
            String alias = text(p.get("AliasName"));
            String target = text(p.get("TargetKeyId"));
            boolean exists = false;
            for (AliasListEntry entry :
                    clients.kms.listAliasesPaginator(r -> {}).aliases()) {
                if (entry.aliasName().equals(alias)) {
                    exists = true;
                }
            }
            if (exists) {
                clients.kms.updateAlias(r -> r.aliasName(alias).targetKeyId(target));
            } else {
                clients.kms.createAlias(r -> r.aliasName(alias).targetKeyId(target));
            }
            return new ProvisionedStack.Physical(alias, Map.of());
        }

        private ProvisionedStack.Physical secret(String logicalId, Map<String, Object> p) {
            String name = name(logicalId, p, "Name", 512);
            String arn;
            try {
                arn = clients.secretsManager
                        .describeSecret(r -> r.secretId(name))
                        .arn();
            } catch (software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException absent) {
                Map<String, Object> generate = TemplateYaml.asMap(p.get("GenerateSecretString"));
                String value;
                if (p.get("SecretString") != null) {
                    value = text(p.get("SecretString"));
                } else if (generate != null) {
                    value = generatedSecret(generate);
                    if (generate.get("SecretStringTemplate") != null && generate.get("GenerateStringKey") != null) {
                        try {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> document =
                                    JSON.readValue(text(generate.get("SecretStringTemplate")), LinkedHashMap.class);
                            document.put(text(generate.get("GenerateStringKey")), value);
                            value = json(document);
                        } catch (JsonProcessingException e) {
                            throw new IllegalArgumentException(
                                    "SecretStringTemplate of " + logicalId + " is not JSON", e);
                        }
                    }
                } else {
                    throw new IllegalStateException(logicalId + " has neither SecretString nor GenerateSecretString");
                }
                String secretValue = value;
                arn = clients.secretsManager
                        .createSecret(r -> {
                            r.name(name).secretString(secretValue);
                            if (p.get("Description") != null) {
                                r.description(text(p.get("Description")));
                            }
                            if (p.get("KmsKeyId") != null) {
                                r.kmsKeyId(text(p.get("KmsKeyId")));
                            }
                        })
                        .arn();
            }
            return new ProvisionedStack.Physical(arn, Map.of("Id", arn));
        }

        private static List<KeySchemaElement> keySchema(@Nullable Object value) {
            return maps(value).stream()
                    .map(k -> KeySchemaElement.builder()
                            .attributeName(text(k.get("AttributeName")))
                            .keyType(text(k.get("KeyType")))
                            .build())
                    .toList();
        }

        private static Projection projection(@Nullable Object value) {
            Map<String, Object> projection = CloudFormationTemplate.requireMap(value, "Projection");
            Projection.Builder builder = Projection.builder().projectionType(text(projection.get("ProjectionType")));
            if (projection.get("NonKeyAttributes") != null) {
                builder.nonKeyAttributes(list(projection.get("NonKeyAttributes")).stream()
                        .map(String::valueOf)
                        .toList());
            }
            return builder.build();
        }

        private static ProvisionedThroughput throughput(@Nullable Object value) {
            Map<String, Object> t = CloudFormationTemplate.requireMap(value, "ProvisionedThroughput");
            return ProvisionedThroughput.builder()
                    .readCapacityUnits((long) integer(t.get("ReadCapacityUnits")))
                    .writeCapacityUnits((long) integer(t.get("WriteCapacityUnits")))
                    .build();
        }
    }

    static List<Map<String, Object>> maps(@Nullable Object value) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object item : list(value)) {
            maps.add(CloudFormationTemplate.requireMap(item, String.valueOf(item)));
        }
        return maps;
    }

    static List<?> list(@Nullable Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException("expected a list, got " + value);
    }

    static String text(@Nullable Object value) {
        if (value == null) {
            throw new IllegalArgumentException("missing value");
        }
        return String.valueOf(value);
    }

    static int integer(@Nullable Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        return Integer.parseInt(text(value));
    }

    private static final class NoResources implements IntrinsicResolver.Resources {
        @Override
        public String ref(String logicalId) {
            throw new IllegalArgumentException("conditions cannot refer to resources: " + logicalId);
        }

        @Override
        public String attribute(String logicalId, String attribute) {
            throw new IllegalArgumentException("conditions cannot refer to resources: " + logicalId);
        }
    }

    /**
     * The bucket policy as the emulator can enforce it. The emulator speaks plain HTTP on loopback,
     * and moto enforces {@code aws:SecureTransport}, so a statement denying non-TLS requests would
     * lock every local caller out; it is left out locally (and only it). Empty when nothing is left.
     */
    static Optional<Map<String, Object>> localBucketPolicy(Map<String, Object> document) {
        List<Object> kept = new ArrayList<>();
        for (Map<String, Object> statement : maps(document.get("Statement"))) {
            Object condition = statement.get("Condition");
            Object bool = condition instanceof Map<?, ?> c ? c.get("Bool") : null;
            boolean transportOnly = bool instanceof Map<?, ?> b
                    && b.size() == 1
                    && "false".equals(String.valueOf(b.get("aws:SecureTransport")))
                    && "Deny".equals(statement.get("Effect"));
            if (!transportOnly) {
                kept.add(statement);
            }
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> local = new LinkedHashMap<>(document);
        local.put("Statement", kept);
        return Optional.of(local);
    }
}
