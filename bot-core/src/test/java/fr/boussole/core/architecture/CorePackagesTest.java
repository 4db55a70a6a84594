package fr.boussole.core.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core's packages (journey, conversation, privacy…) depend on each other in one direction only. */
class CorePackagesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.boussole.core");

    @Test
    void core_packages_are_free_of_cycles() {
        slices().matching("fr.boussole.core.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
