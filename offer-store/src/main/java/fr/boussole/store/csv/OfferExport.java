package fr.boussole.store.csv;

import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.Offers;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;

/**
 * Writes offers in the CSV format that {@link OfferImport} reads: an export re-imports as is. Cells a
 * spreadsheet would run as a formula are written through {@link FormulaGuard}, which the import undoes.
 */
@Service
public class OfferExport {

    private final Offers offers;

    OfferExport(Offers offers) {
        this.offers = offers;
    }

    /** Every offer; with organisation ids, only theirs. Offers without a ref get their id as ref. */
    public int export(Writer out, Collection<String> organisationIds) throws IOException {
        List<Offer> selected = organisationIds == null ? offers.findAll() : offers.findByOrganisationIdIn(organisationIds);
        return write(out, selected.stream().sorted(Comparator.comparing(OfferExport::ref)).toList());
    }

    public static int write(Writer out, List<Offer> offers) throws IOException {
        OfferColumn[] columns = OfferColumn.values();
        CSVPrinter printer = Csv.printer(out);
        printer.printRecord(Arrays.stream(columns).map(OfferColumn::header).toArray());
        for (Offer offer : offers) {
            printer.printRecord(Arrays.stream(columns).map(c -> {
                String cell = cell(offer, c);
                return cell == null ? "" : FormulaGuard.guard(cell);
            }).toArray());
        }
        printer.flush();
        return offers.size();
    }

    private static String ref(Offer offer) {
        return offer.getRef() != null ? offer.getRef() : offer.getId();
    }

    private static String cell(Offer offer, OfferColumn column) {
        return switch (column) {
            case REF -> ref(offer);
            case TITLE -> offer.getTitle();
            case SHORT_TITLE -> offer.getShortTitle();
            case DESCRIPTION -> offer.getDescription();
            case THEME -> offer.getTheme();
            case SUB_THEME -> offer.getSubTheme();
            case ORGANISATION -> offer.getOrganisationId();
            case PLACE -> offer.getPlace();
            case COMMUNES -> String.join(" ", offer.getCommunes());
            case CRITERIA -> CriteriaFormat.format(offer.getCriteria());
            case AGE_MIN -> offer.getAgeMin() == null ? null : offer.getAgeMin().toString();
            case AGE_MAX -> offer.getAgeMax() == null ? null : offer.getAgeMax().toString();
            case CONTACT_DELAY_DAYS -> Integer.toString(offer.getContactDelayDays());
            case VALID_FROM -> offer.getValidFrom() == null ? null : offer.getValidFrom().toString();
            case VALID_UNTIL -> offer.getValidUntil() == null ? null : offer.getValidUntil().toString();
            case STATUS -> offer.getStatus().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

}
