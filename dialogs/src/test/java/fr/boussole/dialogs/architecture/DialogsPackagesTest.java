package fr.boussole.dialogs.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dialogs' packages (language, communes, questionnaires, texts) depend on each other in one direction only. */
class DialogsPackagesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.boussole.dialogs");

    @Test
    void dialogs_packages_are_free_of_cycles() {
        slices().matching("fr.boussole.dialogs.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
