package fr.boussole.pipeline;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The pipeline knows bot-core's ports and nothing else of ours: no channel, no questionnaire, no
 * screen, no store of offers (the app's own rules, in ModuleBoundariesTest, see the whole graph).
 */
class PipelinePackagesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.boussole.pipeline");

    @Test
    void pipeline_depends_on_nothing_of_ours_but_the_core() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("fr.boussole.dialogs..", "fr.boussole.store..",
                        "fr.boussole.channels..", "fr.boussole.console..", "fr.boussole.app..")
                .check(CLASSES);
    }

    @Test
    void pipeline_packages_are_free_of_cycles() {
        slices().matching("fr.boussole.pipeline.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
