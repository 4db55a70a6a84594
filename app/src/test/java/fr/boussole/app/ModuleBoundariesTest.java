package fr.boussole.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The hexagon's rules, read as sentences: adapters depend on the core, never the reverse. */
class ModuleBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importAll() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.boussole");
    }

    @Test
    void core_depends_on_no_other_module() {
        noClasses().that().resideInAPackage("fr.boussole.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "fr.boussole.dialogs..", "fr.boussole.store..", "fr.boussole.channels..",
                        "fr.boussole.console..", "fr.boussole.pipeline..", "fr.boussole.app..")
                .check(classes);
    }

    @Test
    void pipeline_depends_on_nothing_of_ours_but_the_core() {
        noClasses().that().resideInAPackage("fr.boussole.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.boussole.dialogs..", "fr.boussole.store..",
                        "fr.boussole.channels..", "fr.boussole.console..", "fr.boussole.app..")
                .check(classes);
    }

    @Test
    void only_the_assembly_knows_the_pipeline() {
        noClasses().that().resideInAnyPackage("fr.boussole.dialogs..", "fr.boussole.store..", "fr.boussole.channels..",
                        "fr.boussole.console..")
                .should().dependOnClassesThat().resideInAPackage("fr.boussole.pipeline..")
                .check(classes);
    }

    @Test
    void channels_dialogs_and_store_do_not_depend_on_each_other() {
        noClasses().that().resideInAPackage("fr.boussole.channels..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.boussole.dialogs..", "fr.boussole.store..",
                        "fr.boussole.console..", "fr.boussole.pipeline..", "fr.boussole.app..")
                .check(classes);
        noClasses().that().resideInAPackage("fr.boussole.dialogs..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.boussole.channels..", "fr.boussole.store..",
                        "fr.boussole.console..", "fr.boussole.app..")
                .check(classes);
        noClasses().that().resideInAPackage("fr.boussole.store..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.boussole.channels..", "fr.boussole.dialogs..",
                        "fr.boussole.console..", "fr.boussole.app..")
                .check(classes);
    }

    @Test
    void console_does_not_depend_on_the_assembly() {
        noClasses().that().resideInAPackage("fr.boussole.console..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.boussole.app..", "fr.boussole.channels..",
                        "fr.boussole.dialogs..")
                .check(classes);
    }
}
