package fr.boussole.core;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** bot-core is plain Java: it may use the JDK (javax.crypto for sealing personal data) and itself, nothing else. */
class NoFrameworkInCoreTest {

    @Test
    void core_uses_only_the_jdk_and_itself() {
        classes().that().resideInAPackage("fr.boussole.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "fr.boussole.core..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("fr.boussole.core"));
    }
}
