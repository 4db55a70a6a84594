package fr.boussole.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.boussole.core.message.PhoneNumbers;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * bot-core is plain Java: it may use the JDK (javax.crypto for sealing personal data) and itself, and
 * libphonenumber (plain Java, no dependency) in {@link PhoneNumbers} only, nothing else.
 */
class NoFrameworkInCoreTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.boussole.core");

    @Test
    void core_uses_only_the_jdk_and_itself() {
        classes().that().resideInAPackage("fr.boussole.core..")
                .and().doNotHaveFullyQualifiedName(PhoneNumbers.class.getName())
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "fr.boussole.core..")
                .check(CORE);
    }

    @Test
    void phone_numbers_are_read_with_libphonenumber_and_the_jdk() {
        classes().that().haveFullyQualifiedName(PhoneNumbers.class.getName())
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "fr.boussole.core..",
                        "com.google.i18n.phonenumbers..")
                .check(CORE);
    }
}
