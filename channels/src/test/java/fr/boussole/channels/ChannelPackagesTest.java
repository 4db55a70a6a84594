package fr.boussole.channels;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The channel packages depend on each other in one direction only, and provider SDK types stay in their adapter. */
class ChannelPackagesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.boussole.channels");

    /**
     * One slice per feature (twilio with its sub-packages, telegram, email…). Failed while WhatsApp sat beside
     * Twilio rather than inside it: twilio.inbound -> whatsapp (service windows) -> twilio.
     */
    @Test
    void channel_packages_are_free_of_cycles() {
        slices().matching("fr.boussole.channels.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void telegram_types_stay_in_the_telegram_package() {
        noClasses().that().resideOutsideOfPackage("fr.boussole.channels.telegram..")
                .should().dependOnClassesThat().resideInAPackage("org.telegram..").check(CLASSES);
    }

    @Test
    void twilio_sdk_types_stay_in_the_twilio_adapter() {
        noClasses().that().resideOutsideOfPackage("fr.boussole.channels.twilio..")
                .should().dependOnClassesThat().resideInAPackage("com.twilio..").check(CLASSES);
    }
}
