package com.breachnotice.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of STYLE.md, checked over every production class of every module (this module sees
 * them all): a domain core with no AWS types, adapters at the edge, thin handlers, and Lambda
 * functions that do not depend on one another.
 */
class LayeringTest {

    private static final String[] FUNCTIONS = {
        "com.breachnotice.intake..",
        "com.breachnotice.planner..",
        "com.breachnotice.sender..",
        "com.breachnotice.events..",
        "com.breachnotice.lookup.."
    };

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.breachnotice");
    }

    @Test
    void core_dependsOnNoAwsLambdaOrJsonLibrary() {
        noClasses()
                .that()
                .resideInAPackage("com.breachnotice.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "software.amazon..",
                        "com.amazonaws..",
                        "com.fasterxml..",
                        "com.breachnotice.aws..",
                        "org.slf4j..")
                .check(production);
    }

    @Test
    void awsSdk_isUsedOnlyByAdaptersAndTheLocalTooling() {
        noClasses()
                .that()
                .resideInAnyPackage(FUNCTIONS)
                .or()
                .resideInAPackage("com.breachnotice.core..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("software.amazon.awssdk..")
                .check(production);
    }

    @Test
    void lambdaRuntimeTypes_areUsedOnlyByHandlers() {
        noClasses()
                .that()
                .resideInAnyPackage("com.breachnotice.core..", "com.breachnotice.aws..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.amazonaws.services.lambda.runtime..")
                .check(production);
    }

    @Test
    void handlers_doNotReadTheEnvironmentThemselves() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Handler")
                .should()
                .callMethod(System.class, "getenv")
                .orShould()
                .callMethod(System.class, "getenv", String.class)
                .check(production);
    }

    @Test
    void lambdaEntryPoints_areNamedHandler() {
        classes()
                .that()
                .implement(com.amazonaws.services.lambda.runtime.RequestHandler.class)
                .should()
                .haveSimpleNameEndingWith("Handler")
                .andShould()
                .bePublic()
                .check(production);
    }

    @Test
    void functions_doNotDependOnEachOther() {
        slices().matching("com.breachnotice.(intake|planner|sender|events|lookup)..")
                .should()
                .notDependOnEachOther()
                .check(production);
    }

    @Test
    void queueProcessing_dependsOnNoFunctionCoreOrAdapter_andOnlyItsAdapterOnTheSdk() {
        noClasses()
                .that()
                .resideInAPackage("com.breachnotice.queue..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FUNCTIONS)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("com.breachnotice.core..", "com.breachnotice.aws..")
                .check(production);
        noClasses()
                .that()
                .resideInAPackage("com.breachnotice.queue")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("software.amazon.awssdk..")
                .check(production);
    }

    @Test
    void adapters_doNotDependOnFunctionsOrLocalTooling() {
        noClasses()
                .that()
                .resideInAPackage("com.breachnotice.aws..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.breachnotice.intake..",
                        "com.breachnotice.planner..",
                        "com.breachnotice.sender..",
                        "com.breachnotice.events..",
                        "com.breachnotice.lookup..",
                        "com.breachnotice.queue..",
                        "com.breachnotice.local..",
                        "com.breachnotice.emulator..",
                        "com.breachnotice.cli..")
                .check(production);
    }
}
