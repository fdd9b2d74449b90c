package com.breachnotice.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Provisions the repository's template under a unique prefix, then compares a normalized
 * description built from the template with one built by describing what exists in the emulator.
 * A resource added to the template but not provisioned (or provisioned differently) fails here.
 */
class TemplateMatchesLocalEnvironmentIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ResourceProvisioner.Clients clients;
    private static ProvisionedStack stack;

    @BeforeAll
    static void provision() {
        LocalEmulator emulator = LocalEmulator.shared();
        clients = new ResourceProvisioner.Clients(emulator.endpoint(), emulator.region());
        stack = ResourceProvisioner.forEmulator(emulator).provision(uniquePrefix());
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    @Test
    void everyResource_existsAsTheTemplateDeclaresIt() {
        Map<String, Object> expected = new TreeMap<>();
        Map<String, Object> actual = new TreeMap<>();
        stack.template().resources().forEach((id, resource) -> {
            // A resource whose Condition is false here (the operators' e-mail subscription without
            // an address) exists in neither place, as in CloudFormation.
            if (stack.notProvisioned().getOrDefault(id, "").startsWith("condition ")) {
                return;
            }
            expected.put(id, fromTemplate(resource));
            actual.put(id, fromEmulator(resource));
        });

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void provisioningTwice_findsTheSameResources() {
        ProvisionedStack again =
                ResourceProvisioner.forEmulator(LocalEmulator.shared()).provision(stack.stackName());

        assertThat(again.outputs()).isEqualTo(stack.outputs());
        assertThat(again.physicalId("ContactKey")).isEqualTo(stack.physicalId("ContactKey"));
        assertThat(again.physicalId("PepperSecret")).isEqualTo(stack.physicalId("PepperSecret"));
    }

    @Test
    void functionEnvironment_resolvesEveryVariableToAnExistingResource() {
        Map<String, String> environment = stack.functionEnvironment("NoticeFunction");

        assertThat(environment)
                .containsEntry("SUBJECT_TABLE", stack.stackName() + "-SubjectTable")
                .containsEntry("MANIFEST_BUCKET", stack.stackName() + "-manifests-123456789012")
                .containsEntry("NOTICE_QUEUE_URL", stack.physicalId("NoticeQueue"))
                .containsEntry("CONTACT_KEY_ID", stack.attribute("ContactKey", "Arn"))
                .containsEntry("PEPPER_SECRET_ID", stack.physicalId("PepperSecret"))
                .containsEntry("SES_CONFIGURATION_SET", stack.stackName() + "-notices")
                .containsEntry("NOTICE_FROM_ADDRESS", "notices@breach-notice.example")
                .containsEntry("NOTICE_DEAD_LETTER_QUEUE_URL", stack.physicalId("NoticeDeadLetterQueue"))
                .containsEntry("DEFAULT_COUNTRY", "KR")
                .containsEntry("INTAKE_RANGE_BYTES", "4194304");
        assertThat(environment).hasSize(21);
        clients.sqs.getQueueAttributes(r -> r.queueUrl(environment.get("NOTICE_QUEUE_URL")));
        clients.s3.headBucket(r -> r.bucket(environment.get("MANIFEST_BUCKET")));
    }

    @Test
    void codeSenderEnvironment_sendsCodesOnTheirOwnConfigurationSet() {
        Map<String, String> environment = stack.functionEnvironment("ChallengeCodeFunction");

        // Without CodeFromAddress the codes go out from the notices' address, on their own set still.
        assertThat(environment)
                .containsEntry("CODE_CONFIGURATION_SET", stack.stackName() + "-codes")
                .containsEntry("CODE_FROM_ADDRESS", "notices@breach-notice.example")
                .containsEntry("SMS_CODES_PER_HOUR", "2000");
        assertThat(environment.get("CODE_CONFIGURATION_SET")).isNotEqualTo(environment.get("SES_CONFIGURATION_SET"));
        assertThat(environment).hasSize(24);
        assertThat(stack.notProvisioned()).containsKeys("CodeConfigurationSet", "CodeConfigurationSetEventDestination");
    }

    @Test
    void lookupEnvironment_hasNoEdgeSecretLocally_soTheOriginCheckIsOff() {
        // EnableEdge=false locally: CloudFront and WAF are skipped, and so is the edge's header check.
        assertThat(stack.functionEnvironment("LookupFunction")).containsEntry("EDGE_ORIGIN_SECRET", "");
        assertThat(stack.notProvisioned())
                .containsEntry("LookupDistribution", "condition EdgeEnabled is false")
                .containsEntry("EdgeOriginSecret", "condition EdgeEnabled is false")
                // The edge switch changes the web ACL, which exists only in AWS.
                .containsEntry("EdgeChallengeSwitchFunction", "condition EdgeEnabled is false")
                .containsEntry("EdgeChallengeSwitchAlarmPermission", "condition EdgeEnabled is false");
    }

    @Test
    void outputs_resolveAllButTheHttpApiUrl() {
        assertThat(stack.unresolvedOutputs()).containsOnlyKeys("LookupApiUrl");
        assertThat(stack.outputs())
                .containsEntry("DeliveryTableName", stack.physicalId("DeliveryTable"))
                .containsEntry("ContactKeyArn", stack.attribute("ContactKey", "Arn"))
                .containsEntry("NoticeConfigurationSetName", stack.stackName() + "-notices")
                .containsEntry("CodeConfigurationSetName", stack.stackName() + "-codes");
    }

    private static Object fromTemplate(CloudFormationTemplate.Resource resource) {
        String skipped = ResourceProvisioner.SKIPPED_TYPES.get(resource.type());
        if (skipped != null) {
            return Map.of("skipped", skipped);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) stack.resolve(resource.properties());
        Map<String, Object> d = new TreeMap<>();
        switch (resource.type()) {
            case "AWS::DynamoDB::Table" -> {
                Map<String, String> types = new TreeMap<>();
                ResourceProvisioner.maps(p.get("AttributeDefinitions"))
                        .forEach(a -> types.put(
                                String.valueOf(a.get("AttributeName")), String.valueOf(a.get("AttributeType"))));
                d.put("keys", keys(ResourceProvisioner.maps(p.get("KeySchema")), types));
                Map<String, Object> indexes = new TreeMap<>();
                for (Map<String, Object> gsi : ResourceProvisioner.maps(p.get("GlobalSecondaryIndexes"))) {
                    Map<String, Object> projection = map(gsi.get("Projection"));
                    indexes.put(
                            String.valueOf(gsi.get("IndexName")),
                            List.of(
                                    keys(ResourceProvisioner.maps(gsi.get("KeySchema")), types),
                                    String.valueOf(projection.get("ProjectionType"))));
                }
                d.put("globalIndexes", indexes);
                d.put("billing", String.valueOf(p.getOrDefault("BillingMode", "PROVISIONED")));
                Map<String, Object> ttl = map(p.getOrDefault("TimeToLiveSpecification", Map.of()));
                d.put("ttl", Boolean.TRUE.equals(ttl.get("Enabled")) ? ttl.get("AttributeName") : "none");
                d.put("sse", map(p.getOrDefault("SSESpecification", Map.of())).get("SSEEnabled") == Boolean.TRUE);
                d.put(
                        "pitr",
                        map(p.getOrDefault("PointInTimeRecoverySpecification", Map.of()))
                                        .get("PointInTimeRecoveryEnabled")
                                == Boolean.TRUE);
            }
            case "AWS::SQS::Queue" -> {
                d.put("visibilityTimeout", String.valueOf(p.getOrDefault("VisibilityTimeout", 30)));
                d.put("retention", String.valueOf(p.getOrDefault("MessageRetentionPeriod", 345600)));
                d.put(
                        "redrive",
                        p.containsKey("RedrivePolicy") ? normalizedRedrive(map(p.get("RedrivePolicy"))) : "none");
                d.put("sqsManagedSse", String.valueOf(p.getOrDefault("SqsManagedSseEnabled", false)));
            }
            case "AWS::S3::Bucket" -> {
                List<Object> rules = new ArrayList<>();
                for (Map<String, Object> rule : ResourceProvisioner.maps(
                        map(p.get("LifecycleConfiguration")).get("Rules"))) {
                    Map<String, Object> abort = map(rule.getOrDefault("AbortIncompleteMultipartUpload", Map.of()));
                    rules.add(lifecycle(
                            String.valueOf(rule.get("Id")),
                            String.valueOf(rule.get("Status")),
                            String.valueOf(rule.getOrDefault("Prefix", "")),
                            (Integer) rule.get("ExpirationInDays"),
                            (Integer) abort.get("DaysAfterInitiation")));
                }
                d.put("lifecycle", rules);
                Map<String, Object> block = map(p.get("PublicAccessBlockConfiguration"));
                d.put(
                        "publicAccessBlock",
                        List.of(
                                block.get("BlockPublicAcls"),
                                block.get("BlockPublicPolicy"),
                                block.get("IgnorePublicAcls"),
                                block.get("RestrictPublicBuckets")));
                Map<String, Object> rule = ResourceProvisioner.maps(
                                map(p.get("BucketEncryption")).get("ServerSideEncryptionConfiguration"))
                        .get(0);
                Map<String, Object> byDefault = map(rule.get("ServerSideEncryptionByDefault"));
                d.put(
                        "encryption",
                        List.of(
                                byDefault.get("SSEAlgorithm"),
                                byDefault.get("KMSMasterKeyID"),
                                rule.getOrDefault("BucketKeyEnabled", false)));
            }
            case "AWS::S3::BucketPolicy" ->
                d.put(
                        "policy",
                        List.of(
                                p.get("Bucket"),
                                ResourceProvisioner.localBucketPolicy(
                                                CloudFormationTemplate.requireMap(p.get("PolicyDocument"), "policy"))
                                        .<Object>map(doc -> doc)
                                        .orElse("none")));
            case "AWS::SNS::Topic" -> {
                d.put("kmsMasterKeyId", String.valueOf(p.getOrDefault("KmsMasterKeyId", "")));
                List<String> subscriptions = new ArrayList<>();
                ResourceProvisioner.maps(p.get("Subscription"))
                        .forEach(s -> subscriptions.add(s.get("Protocol") + " " + s.get("Endpoint")));
                for (CloudFormationTemplate.Resource other :
                        stack.template().resourcesOfType("AWS::SNS::Subscription")) {
                    if (stack.notProvisioned()
                            .getOrDefault(other.logicalId(), "")
                            .startsWith("condition ")) {
                        continue;
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> s = (Map<String, Object>) stack.resolve(other.properties());
                    if (stack.physicalId(resource.logicalId()).equals(s.get("TopicArn"))) {
                        subscriptions.add(s.get("Protocol") + " " + s.get("Endpoint"));
                    }
                }
                subscriptions.sort(Comparator.naturalOrder());
                d.put("subscriptions", subscriptions);
            }
            case "AWS::SNS::TopicPolicy" -> {
                for (Object topic : ResourceProvisioner.list(p.get("Topics"))) {
                    d.put(String.valueOf(topic), p.get("PolicyDocument"));
                }
            }
            case "AWS::KMS::Key" -> {
                d.put("description", String.valueOf(p.getOrDefault("Description", "")));
                d.put("rotation", Boolean.TRUE.equals(p.get("EnableKeyRotation")));
                d.put("enabled", !Boolean.FALSE.equals(p.get("Enabled")));
                d.put("policy", p.get("KeyPolicy"));
            }
            case "AWS::KMS::Alias" -> d.put(String.valueOf(p.get("AliasName")), p.get("TargetKeyId"));
            case "AWS::SecretsManager::Secret" -> {
                Map<String, Object> generate = map(p.get("GenerateSecretString"));
                d.put("length", generate.get("PasswordLength"));
                d.put("alphanumeric", Boolean.TRUE.equals(generate.get("ExcludePunctuation")));
                d.put("description", p.get("Description"));
            }
            default ->
                throw new AssertionError("no template description for " + resource.type()
                        + ": describe it here and in fromEmulator(...)");
        }
        return d;
    }

    private static Object fromEmulator(CloudFormationTemplate.Resource resource) {
        String id = resource.logicalId();
        String skipped = stack.notProvisioned().get(id);
        if (skipped != null) {
            return Map.of("skipped", skipped);
        }
        String physical = stack.physicalId(id);
        Map<String, Object> d = new TreeMap<>();
        switch (resource.type()) {
            case "AWS::DynamoDB::Table" -> {
                TableDescription table = clients.dynamoDb
                        .describeTable(r -> r.tableName(physical))
                        .table();
                Map<String, String> types = new TreeMap<>();
                for (AttributeDefinition a : table.attributeDefinitions()) {
                    types.put(a.attributeName(), a.attributeTypeAsString());
                }
                d.put("keys", keysOf(table.keySchema(), types));
                Map<String, Object> indexes = new TreeMap<>();
                table.globalSecondaryIndexes()
                        .forEach(gsi -> indexes.put(
                                gsi.indexName(),
                                List.of(
                                        keysOf(gsi.keySchema(), types),
                                        gsi.projection().projectionTypeAsString())));
                d.put("globalIndexes", indexes);
                d.put(
                        "billing",
                        table.billingModeSummary() == null
                                ? "PROVISIONED"
                                : table.billingModeSummary().billingModeAsString());
                var ttl = clients.dynamoDb
                        .describeTimeToLive(r -> r.tableName(physical))
                        .timeToLiveDescription();
                d.put("ttl", "ENABLED".equals(ttl.timeToLiveStatusAsString()) ? ttl.attributeName() : "none");
                d.put(
                        "sse",
                        table.sseDescription() != null
                                && "ENABLED".equals(table.sseDescription().statusAsString()));
                d.put(
                        "pitr",
                        "ENABLED"
                                .equals(clients.dynamoDb
                                        .describeContinuousBackups(r -> r.tableName(physical))
                                        .continuousBackupsDescription()
                                        .pointInTimeRecoveryDescription()
                                        .pointInTimeRecoveryStatusAsString()));
            }
            case "AWS::SQS::Queue" -> {
                Map<String, String> a = clients.sqs
                        .getQueueAttributes(r -> r.queueUrl(physical).attributeNames(QueueAttributeName.ALL))
                        .attributesAsStrings();
                d.put("visibilityTimeout", a.get("VisibilityTimeout"));
                d.put("retention", a.get("MessageRetentionPeriod"));
                d.put(
                        "redrive",
                        a.containsKey("RedrivePolicy") ? normalizedRedrive(parse(a.get("RedrivePolicy"))) : "none");
                d.put("sqsManagedSse", a.getOrDefault("SqsManagedSseEnabled", "false"));
            }
            case "AWS::S3::Bucket" -> {
                GetBucketLifecycleConfigurationResponse lifecycle =
                        clients.s3.getBucketLifecycleConfiguration(r -> r.bucket(physical));
                List<Object> rules = new ArrayList<>();
                lifecycle
                        .rules()
                        .forEach(rule -> rules.add(lifecycle(
                                rule.id(),
                                rule.statusAsString(),
                                rule.filter() != null && rule.filter().prefix() != null
                                        ? rule.filter().prefix()
                                        : rule.prefix() == null ? "" : rule.prefix(),
                                rule.expiration() == null
                                        ? null
                                        : rule.expiration().days(),
                                rule.abortIncompleteMultipartUpload() == null
                                        ? null
                                        : rule.abortIncompleteMultipartUpload().daysAfterInitiation())));
                d.put("lifecycle", rules);
                PublicAccessBlockConfiguration block =
                        clients.s3.getPublicAccessBlock(r -> r.bucket(physical)).publicAccessBlockConfiguration();
                d.put(
                        "publicAccessBlock",
                        List.of(
                                block.blockPublicAcls(),
                                block.blockPublicPolicy(),
                                block.ignorePublicAcls(),
                                block.restrictPublicBuckets()));
                ServerSideEncryptionRule rule = clients.s3
                        .getBucketEncryption(r -> r.bucket(physical))
                        .serverSideEncryptionConfiguration()
                        .rules()
                        .get(0);
                d.put(
                        "encryption",
                        List.of(
                                rule.applyServerSideEncryptionByDefault().sseAlgorithmAsString(),
                                rule.applyServerSideEncryptionByDefault().kmsMasterKeyID(),
                                Boolean.TRUE.equals(rule.bucketKeyEnabled())));
            }
            case "AWS::S3::BucketPolicy" -> {
                String bucket = stack.resolveString(resource.properties().get("Bucket"));
                Object policy;
                try {
                    policy = parse(
                            clients.s3.getBucketPolicy(r -> r.bucket(bucket)).policy());
                } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                    policy = "none";
                }
                d.put("policy", List.of(bucket, policy));
            }
            case "AWS::SNS::Topic" -> {
                Map<String, String> a = clients.sns
                        .getTopicAttributes(r -> r.topicArn(physical))
                        .attributes();
                d.put("kmsMasterKeyId", a.getOrDefault("KmsMasterKeyId", ""));
                List<String> subscriptions = new ArrayList<>();
                clients.sns
                        .listSubscriptionsByTopic(r -> r.topicArn(physical))
                        .subscriptions()
                        .forEach(s -> subscriptions.add(s.protocol() + " " + s.endpoint()));
                subscriptions.sort(Comparator.naturalOrder());
                d.put("subscriptions", subscriptions);
            }
            case "AWS::SNS::TopicPolicy" -> {
                for (Object topic : ResourceProvisioner.list(
                        stack.resolve(resource.properties().get("Topics")))) {
                    String policy = clients.sns
                            .getTopicAttributes(r -> r.topicArn(String.valueOf(topic)))
                            .attributes()
                            .get("Policy");
                    d.put(String.valueOf(topic), parse(policy));
                }
            }
            case "AWS::KMS::Key" -> {
                KeyMetadata key =
                        clients.kms.describeKey(r -> r.keyId(physical)).keyMetadata();
                d.put("description", key.description());
                d.put(
                        "rotation",
                        clients.kms.getKeyRotationStatus(r -> r.keyId(physical)).keyRotationEnabled());
                d.put("enabled", key.enabled());
                d.put(
                        "policy",
                        parse(clients.kms
                                .getKeyPolicy(r -> r.keyId(physical).policyName("default"))
                                .policy()));
            }
            case "AWS::KMS::Alias" ->
                clients.kms.listAliasesPaginator(r -> {}).aliases().stream()
                        .filter(a -> a.aliasName().equals(physical))
                        .forEach(a -> d.put(a.aliasName(), a.targetKeyId()));
            case "AWS::SecretsManager::Secret" -> {
                String value = clients.secretsManager
                        .getSecretValue(r -> r.secretId(physical))
                        .secretString();
                d.put("length", value.length());
                d.put("alphanumeric", value.matches("[A-Za-z0-9]*"));
                d.put(
                        "description",
                        clients.secretsManager
                                .describeSecret(r -> r.secretId(physical))
                                .description());
            }
            default -> throw new AssertionError("no emulator description for " + resource.type());
        }
        return d;
    }

    private static Map<String, Object> lifecycle(
            String id, String status, String prefix, Integer expiration, Integer abort) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", id);
        rule.put("status", status);
        rule.put("prefix", prefix);
        rule.put("expirationDays", expiration);
        rule.put("abortAfterDays", abort);
        return rule;
    }

    private static List<String> keys(List<Map<String, Object>> schema, Map<String, String> types) {
        return schema.stream()
                .map(k -> k.get("KeyType") + " " + k.get("AttributeName") + " "
                        + types.get(String.valueOf(k.get("AttributeName"))))
                .toList();
    }

    private static List<String> keysOf(List<KeySchemaElement> schema, Map<String, String> types) {
        return schema.stream()
                .map(k -> k.keyTypeAsString() + " " + k.attributeName() + " " + types.get(k.attributeName()))
                .toList();
    }

    private static Map<String, Object> normalizedRedrive(Map<String, Object> redrive) {
        return Map.of(
                "deadLetterTargetArn", String.valueOf(redrive.get("deadLetterTargetArn")),
                "maxReceiveCount", Integer.parseInt(String.valueOf(redrive.get("maxReceiveCount"))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() {});
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static String uniquePrefix() {
        return "bn-it-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
