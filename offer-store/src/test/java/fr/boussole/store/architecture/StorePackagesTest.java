package fr.boussole.store.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The offer store's feature packages depend on each other in one direction only. */
class StorePackagesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.boussole.store");

    /** Failed before the geography read its files with Commons CSV directly: csv <-> geo. */
    @Test
    void store_packages_are_free_of_cycles() {
        slices().matching("fr.boussole.store.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
