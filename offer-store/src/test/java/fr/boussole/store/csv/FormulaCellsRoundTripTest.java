package fr.boussole.store.csv;

import static org.assertj.core.api.Assertions.assertThat;

import fr.boussole.store.StoreIntegrationTest;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.OfferStatus;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.organisation.Competence;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationType;
import fr.boussole.store.organisation.Organisations;
import fr.boussole.store.theme.ThemeSeeder;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The offers export (console download and {@code --export-offers} alike, both {@link OfferExport}) with
 * texts a spreadsheet would run as formulas: no cell of the file starts with a formula character, and the
 * file imports back as unchanged, every text as it was. (A text starting with a tab or a line break is
 * guarded too, see {@link FormulaGuardTest}, but the import strips leading and trailing white space from
 * every text, so such a text does not come back as it was, guard or no guard.)
 */
class FormulaCellsRoundTripTest extends StoreIntegrationTest {

    private static final Map<String, String[]> TEXTS = Map.of(
            "F-1", new String[] {"=HYPERLINK(\"http://x\",\"clic\")", "- une liste\n- de points", "+33 5 65 00 00 00"},
            "F-2", new String[] {"@SUM(1+1)", "'=déjà protégé", "+ de détails"},
            "F-3", new String[] {"Atelier CV", "'simple citation", "l'été"});

    @Autowired OfferImport offerImport;
    @Autowired OfferExport offerExport;
    @Autowired Offers offers;
    @Autowired Organisations organisations;
    @Autowired ThemeSeeder themes;

    /** Fails if a formula reaches the file as is, or if the import does not give back the stored texts. */
    @Test
    void formulas_are_neutralised_in_the_export_and_the_export_imports_back_unchanged() throws Exception {
        themes.seed();
        organisations.save(new Organisation("org_f", "Structure", OrganisationType.MISSION_LOCALE, Competence.national()));
        TEXTS.forEach((ref, texts) -> {
            Offer offer = new Offer("of_" + ref, "org_f", "emploi", texts[0]);
            offer.setRef(ref);
            offer.setDescription(texts[1]);
            offer.setPlace(texts[2]);
            offer.setContactDelayDays(3);
            offer.setStatus(OfferStatus.ACTIVE);
            offers.save(offer);
        });

        StringWriter exported = new StringWriter();
        offerExport.export(exported, List.of("org_f"));

        List<List<String>> rows = CsvReader.readAll(new StringReader(exported.toString()));
        assertThat(rows).hasSize(4);
        for (List<String> row : rows) {
            for (String cell : row) {
                assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0).as(cell).isTrue();
            }
        }
        assertThat(rows.get(1)).contains("'=HYPERLINK(\"http://x\",\"clic\")", "'- une liste\n- de points");

        ImportReport reimport = offerImport.importOffers(new StringReader(exported.toString()),
                ImportOptions.any(false, "test"), ImportProgress.NONE);
        assertThat(reimport.problems()).isEmpty();
        assertThat(reimport.unchanged()).isEqualTo(3);
        TEXTS.forEach((ref, texts) -> {
            Offer offer = offers.findByRef(ref).orElseThrow();
            assertThat(List.of(offer.getTitle(), offer.getDescription(), offer.getPlace())).containsExactly(texts);
        });
    }
}
