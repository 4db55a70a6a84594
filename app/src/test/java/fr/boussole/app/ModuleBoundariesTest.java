package fr.boussole.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import fr.boussole.channels.ChannelsModule;
import fr.boussole.console.ConsoleModule;
import fr.boussole.dialogs.Dialogs;
import fr.boussole.pipeline.PipelineModule;
import fr.boussole.store.OfferStoreModule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    /** libphonenumber is read behind bot-core's PhoneNumbers, one reading of a number for every module. */
    @Test
    void phone_numbers_are_read_in_one_place() {
        noClasses().that().doNotHaveFullyQualifiedName(fr.boussole.core.message.PhoneNumbers.class.getName())
                .should().dependOnClassesThat().resideInAPackage("com.google.i18n.phonenumbers..")
                .check(classes);
    }

    /** The bot runs without the console: it serves pages, it takes no part in delivering messages or alerts. */
    @Test
    void console_is_not_in_the_message_path() {
        noClasses().that().resideInAPackage("fr.boussole.console..")
                .should().beAssignableTo(fr.boussole.core.delivery.Deliverer.class)
                .orShould().beAssignableTo(fr.boussole.core.offer.ContactRequestAlerts.class)
                .orShould().beAssignableTo(fr.boussole.core.promise.ContactChecks.class)
                .orShould().beAssignableTo(fr.boussole.core.message.Inbox.class)
                .orShould().beAssignableTo(fr.boussole.core.delivery.Outbox.class)
                .check(classes);
    }

    /**
     * One name, one thing: a follow-up is the professional's log entry of what followed a request (the
     * store's request and the console's request page); asking the young person "were you contacted?" is
     * the contact check, part of the promises ({@code core.promise}, {@code store.promise}).
     */
    @Test
    void follow_up_names_the_professionals_log_entry_only() {
        classes().that().haveSimpleNameContaining("FollowUp")
                .should().resideInAnyPackage("fr.boussole.store.request..", "fr.boussole.console.requests..")
                .check(classes);
        noClasses().should().resideInAPackage("..followup..").check(classes);
    }

    /**
     * "Store" names one thing in packages: the offer-store module ({@code fr.boussole.store}). The app's
     * embedded database lives in {@code app.embedded}, not in an {@code app.store} that reads like the module.
     */
    @Test
    void store_names_the_offer_store_module_only() {
        noClasses().should().resideInAPackage("fr.boussole.app.store..").check(classes);
        classes().that().haveSimpleNameContaining("DurableH2Backend")
                .should().resideInAPackage("fr.boussole.app.embedded").check(classes);
    }

    /**
     * The assembly is only assembly: it names each module by its entry point and otherwise speaks to
     * them through bot-core's ports, so that a module's insides can change without touching {@code app}.
     */
    @Test
    void the_app_uses_only_core_ports_and_module_entry_points() {
        noClasses().that().resideInAPackage("fr.boussole.app..")
                .should().dependOnClassesThat(resideInAnyPackage("fr.boussole.store..", "fr.boussole.pipeline..",
                                "fr.boussole.channels..", "fr.boussole.console..", "fr.boussole.dialogs..")
                        .and(not(belongToAnyOf(OfferStoreModule.class, PipelineModule.class, ChannelsModule.class,
                                ConsoleModule.class, Dialogs.class))))
                .check(classes);
    }

    /** Like every module below it, the assembly's packages have no cycle. */
    @Test
    void the_app_has_no_package_cycle() {
        slices().matching("fr.boussole.app.(*)..").should().beFreeOfCycles()
                .check(classes.that(resideInAnyPackage("fr.boussole.app..")));
    }

    /**
     * One error type at the configuration boundary and one failure analyzer: a setting a module checks
     * where it binds it gets the same one-line report as one the app checks.
     */
    @Test
    void a_wrong_setting_has_one_error_type_and_one_report() {
        classes().that().haveSimpleNameEndingWith("SettingException")
                .should().haveFullyQualifiedName(fr.boussole.core.settings.InvalidSettingException.class.getName())
                .check(classes);
        classes().that().areAssignableTo(org.springframework.boot.diagnostics.FailureAnalyzer.class)
                .and().resideInAPackage("fr.boussole..")
                .should().haveFullyQualifiedName("fr.boussole.app.config.InvalidSettingFailureAnalyzer")
                .check(classes);
    }
}
