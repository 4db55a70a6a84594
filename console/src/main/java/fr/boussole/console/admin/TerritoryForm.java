package fr.boussole.console.admin;

import fr.boussole.store.territory.Composition;
import fr.boussole.store.territory.InfoJeunesEntry;
import fr.boussole.store.territory.Territory;
import fr.boussole.store.territory.TerritoryContact;
import fr.boussole.store.territory.TerritoryService;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The territory form: a name; what it is drawn from (departments, intercommunalities ticked in a list or
 * typed as SIREN numbers, or INSEE codes of communes), its themes, and up to {@link #CONTACT_ROWS} Info
 * Jeunes contacts for the young people of its area who live outside it, and the territory's own contact
 * (the person its young people may call, at any step of the chat). Codes may be separated by spaces,
 * commas, semicolons or line breaks, as pasted from a spreadsheet.
 */
record TerritoryForm(String name, String kind, String departements, List<String> epcis, String epciCodes,
                     String communes, List<String> themes, List<String> ijName, List<String> ijPhone,
                     List<String> ijEmail, List<String> ijWebsite, List<String> ijDepartement,
                     String contactName, String contactPhone, String contactHours) {

    static final int CONTACT_ROWS = 3;

    TerritoryForm {
        kind = kind == null || kind.isBlank() ? Composition.Kind.DEPARTEMENTS.name() : kind;
        epcis = epcis == null ? List.of() : epcis;
        themes = themes == null ? List.of() : themes;
        ijName = padded(ijName);
        ijPhone = padded(ijPhone);
        ijEmail = padded(ijEmail);
        ijWebsite = padded(ijWebsite);
        ijDepartement = padded(ijDepartement);
    }

    static TerritoryForm blank(List<String> themes) {
        return new TerritoryForm("", Composition.Kind.DEPARTEMENTS.name(), "", List.of(), "", "", themes,
                null, null, null, null, null, "", "", "");
    }

    static TerritoryForm of(Territory territory) {
        Composition composition = territory.getComposition() != null ? territory.getComposition()
                : new Composition(Composition.Kind.COMMUNES, territory.getCommunes());
        String codes = String.join(" ", composition.codes());
        var contacts = territory.getInfoJeunes();
        TerritoryContact own = territory.getContact();
        return new TerritoryForm(territory.getName(), composition.kind().name(),
                composition.kind() == Composition.Kind.DEPARTEMENTS ? codes : "",
                composition.kind() == Composition.Kind.EPCIS ? composition.codes() : List.of(), "",
                composition.kind() == Composition.Kind.COMMUNES ? codes : "", territory.getActiveThemes(),
                contacts.stream().map(InfoJeunesEntry::name).toList(), contacts.stream().map(InfoJeunesEntry::phone).toList(),
                contacts.stream().map(InfoJeunesEntry::email).toList(), contacts.stream().map(InfoJeunesEntry::website).toList(),
                contacts.stream().map(InfoJeunesEntry::departement).toList(),
                own == null ? "" : own.name(), own == null ? "" : own.phone(), own == null || own.hours() == null ? "" : own.hours());
    }

    TerritoryService.Draft draft() {
        Composition.Kind chosen = Arrays.stream(Composition.Kind.values()).filter(k -> k.name().equals(kind)).findFirst()
                .orElse(Composition.Kind.DEPARTEMENTS);
        List<String> codes = switch (chosen) {
            case DEPARTEMENTS -> codes(departements);
            case EPCIS -> {
                List<String> all = new ArrayList<>(epcis);
                codes(epciCodes).stream().filter(c -> !all.contains(c)).forEach(all::add);
                yield all;
            }
            case COMMUNES -> codes(communes);
        };
        List<InfoJeunesEntry> contacts = new ArrayList<>();
        for (int i = 0; i < CONTACT_ROWS; i++) {
            String name = ijName.get(i);
            if (blank(name) && blank(ijPhone.get(i)) && blank(ijEmail.get(i)) && blank(ijWebsite.get(i))) {
                continue;
            }
            String departement = strip(ijDepartement.get(i));
            contacts.add(new InfoJeunesEntry(strip(name), strip(ijPhone.get(i)), strip(ijEmail.get(i)),
                    strip(ijWebsite.get(i)), departement == null ? null : departement.toUpperCase(Locale.ROOT), null));
        }
        return new TerritoryService.Draft(name, new Composition(chosen, codes), themes, contacts,
                new TerritoryContact(strip(contactName), strip(contactPhone), strip(contactHours)));
    }

    static List<String> codes(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split("[\\s,;]+")).filter(s -> !s.isBlank()).distinct().toList();
    }

    private static List<String> padded(List<String> values) {
        List<String> padded = new ArrayList<>(values == null ? List.of() : values);
        while (padded.size() < CONTACT_ROWS) {
            padded.add("");
        }
        return padded.stream().map(v -> v == null ? "" : v).limit(CONTACT_ROWS).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }
}
