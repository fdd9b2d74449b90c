package com.breachnotice.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.breachnotice.core");

    @Test
    void core_dependsOnlyOnJdkCryptoJspecifyCsvAndPhoneNumbers() {
        classes()
                .that()
                .resideInAPackage("com.breachnotice.core..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "javax.crypto..",
                        "org.jspecify..",
                        "org.apache.commons.csv..",
                        "com.google.i18n.phonenumbers..",
                        "com.breachnotice.core..")
                .check(CORE);
    }

    @Test
    void core_noAwsLambdaOrJackson() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that()
                .resideInAPackage("com.breachnotice.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..", "com.fasterxml.jackson..", "tools.jackson..")
                .check(CORE);
    }

    @Test
    void coreSlices_freeOfCycles() {
        slices().matching("com.breachnotice.core.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CORE);
    }
}
