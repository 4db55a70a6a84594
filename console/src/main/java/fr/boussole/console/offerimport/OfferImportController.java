package fr.boussole.console.offerimport;

import fr.boussole.store.organisation.OrganisationService;
import fr.boussole.console.security.ConsoleUser;
import fr.boussole.store.csv.ImportOptions;
import fr.boussole.store.csv.ImportProblem;
import fr.boussole.store.csv.ImportProgress;
import fr.boussole.store.csv.ImportReport;
import fr.boussole.store.csv.OfferExport;
import fr.boussole.store.csv.OfferImport;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Upload of a spreadsheet of offers (CSV) and download of the offers in the same format. A
 * professional imports and exports their organisation's offers, an animateur those of the
 * organisations of their territory: the scope comes from the signed-in account, never from the file.
 */
@Controller
class OfferImportController {

    static final String IMPORT = "/console/offres/import";
    static final String PAGE = "console/offer-import";

    private static final Logger log = LoggerFactory.getLogger(OfferImportController.class);

    private final OfferImport offerImport;
    private final OfferExport offerExport;
    private final OrganisationService organisations;
    private final ImportRefs refs;
    private final Clock clock;

    OfferImportController(OfferImport offerImport, OfferExport offerExport, OrganisationService organisations,
                          ImportRefs refs, Clock clock) {
        this.offerImport = offerImport;
        this.offerExport = offerExport;
        this.organisations = organisations;
        this.refs = refs;
        this.clock = clock;
    }

    @GetMapping(IMPORT)
    String page(@AuthenticationPrincipal ConsoleUser user, @RequestParam(name = "trop-lourd", required = false) String tooLarge,
                Model model) {
        model.addAttribute("user", user);
        if (tooLarge != null) {
            model.addAttribute("error", "offer-import.error.too-large");
        }
        return PAGE;
    }

    @PostMapping(IMPORT)
    String upload(@AuthenticationPrincipal ConsoleUser user, @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "skipInvalid", defaultValue = "false") boolean skipInvalid, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("skipInvalid", skipInvalid);
        switch (UploadedCsv.read(file)) {
            case UploadedCsv.Refused refused -> model.addAttribute("error", refused.messageKey());
            case UploadedCsv.Text text -> {
                ImportScope scope = ImportScope.of(user, organisations);
                ImportOptions options = new ImportOptions(skipInvalid, user.accountId(), scope.organisations());
                try {
                    ImportReport report = importOffers(text.content(), scope, options);
                    model.addAttribute("report", report);
                    log.info("Offer import by {}: {} rows, {} created, {} updated, {} unchanged, {} skipped, {} problems, applied={}",
                            user.accountId(), report.rows(), report.created(), report.updated(), report.unchanged(),
                            report.skipped(), report.problems().size(), report.applied());
                } catch (IOException e) {
                    model.addAttribute("error", "offer-import.error.unreadable");
                }
            }
        }
        return PAGE;
    }

    /**
     * Without "skip invalid rows", a row that would change another organisation's offer refuses the
     * whole file: the file is then only validated (with no organisation allowed, so nothing can be
     * written) to report its other problems as well.
     */
    private ImportReport importOffers(String csv, ImportScope scope, ImportOptions options) throws IOException {
        List<ImportProblem> foreign = options.skipInvalid() ? List.of() : refs.foreign(csv, scope);
        if (foreign.isEmpty()) {
            refs.adoptIds(csv, scope);
            return offerImport.importOffers(new StringReader(csv), options, ImportProgress.NONE);
        }
        ImportReport validation = offerImport.importOffers(new StringReader(csv),
                new ImportOptions(false, options.author(), Set.of()), ImportProgress.NONE);
        return new ImportReport(validation.rows(), 0, 0, 0, 0,
                ImportRefs.inScope(validation.problems(), scope, foreign), false);
    }

    @GetMapping("/console/offres/export.csv")
    void export(@AuthenticationPrincipal ConsoleUser user, HttpServletResponse response) throws IOException {
        ImportScope scope = ImportScope.of(user, organisations);
        String name = "offres-" + (user.animateur() ? "territoire" : "structure") + "-" + LocalDate.now(clock) + ".csv";
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        // A byte-order mark, so that spreadsheet software opens the accents right; the import skips it.
        out.write('\uFEFF');
        int count = offerExport.export(out, scope.organisations());
        out.flush();
        log.info("Offer export by {}: {} offers", user.accountId(), count);
    }
}
