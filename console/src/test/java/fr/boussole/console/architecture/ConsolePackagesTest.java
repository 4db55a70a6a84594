package fr.boussole.console.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The console's feature packages depend on each other in one direction only. */
class ConsolePackagesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.boussole.console");

    /** Failed before the promises left the console: requests -> security -> alert (Tokens) -> requests. */
    @Test
    void console_packages_are_free_of_cycles() {
        slices().matching("fr.boussole.console.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
