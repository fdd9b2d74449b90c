package com.breachnotice.aws.dynamodb;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.intake.SubjectRegistry;
import com.breachnotice.core.intake.SubjectRegistryContract;
import com.breachnotice.core.planning.ContactDirectory;
import com.breachnotice.core.registry.ContactBook;
import com.breachnotice.emulator.ProvisionedStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB registry, contact book and directory held to the registry contract on the emulator. */
class DynamoDbSubjectRegistryContractIT extends SubjectRegistryContract {

    private static DynamoDbClient dynamoDb;
    private static DynamoDbSubjectRegistry registry;
    private static DynamoDbContactBook book;
    private static DynamoDbContactDirectory directory;

    @BeforeAll
    static void provision() {
        ProvisionedStack stack = TestStacks.provision(DynamoDbSubjectRegistryContractIT.class);
        TestStacks.clients();
        dynamoDb = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        String contactTable = stack.physicalId("ContactTable");
        registry = new DynamoDbSubjectRegistry(dynamoDb, stack.physicalId("SubjectTable"), contactTable);
        book = new DynamoDbContactBook(dynamoDb, contactTable);
        directory = new DynamoDbContactDirectory(dynamoDb, contactTable);
    }

    @AfterAll
    static void close() {
        dynamoDb.close();
    }

    @Override
    protected SubjectRegistry registry() {
        return registry;
    }

    @Override
    protected ContactBook book() {
        return book;
    }

    @Override
    protected ContactDirectory directory() {
        return directory;
    }
}
