package com.breachnotice.lookup;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class LookupArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.breachnotice.lookup", "com.breachnotice.core.lookup");

    @Test
    void lookupService_usesNoAwsOrLambdaTypes() {
        noClasses()
                .that()
                .resideInAPackage("com.breachnotice.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("software.amazon..", "com.amazonaws..", "com.breachnotice.aws..")
                .check(CLASSES);
    }

    @Test
    void onlyTheWiring_touchesTheSdkOrTheAdapters() {
        noClasses()
                .that()
                .resideInAPackage("com.breachnotice.lookup")
                .and()
                .doNotHaveSimpleName("LookupWiring")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "software.amazon.awssdk..", "com.breachnotice.aws.dynamodb..", "com.breachnotice.aws.sqs..")
                .check(CLASSES);
    }

    @Test
    void onlyTheHandlerSide_touchesLambdaTypes() {
        noClasses()
                .that()
                .resideInAPackage("com.breachnotice.lookup")
                .and()
                .haveSimpleNameNotStartingWith("LookupHandler")
                .and()
                .doNotHaveSimpleName("Responses")
                .and()
                .haveSimpleNameNotStartingWith("RequestBody")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.amazonaws.services.lambda..")
                .check(CLASSES);
    }
}
