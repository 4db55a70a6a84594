package fr.boussole.console.admin;

import fr.boussole.console.audit.AuditAction;
import fr.boussole.console.audit.AuditLog;
import fr.boussole.console.offerimport.UploadedCsv;
import fr.boussole.console.security.ConsoleUser;
import fr.boussole.store.csv.ImportReport;
import fr.boussole.store.csv.OrganisationExport;
import fr.boussole.store.csv.OrganisationImport;
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

/**
 * Organisations from and to a spreadsheet, as for offers: the same upload checks (UTF-8 text, 5 MB), the
 * same report (every error by line and column; nothing written from a file with errors unless asked to
 * skip bad rows), an export that imports back unchanged. The scope is the signed-in user's.
 */
@Controller
class OrganisationCsvController {

    static final String IMPORT = "/console/admin/organisations/import";
    static final String PAGE = "console/admin/organisation-import";
    private static final Logger log = LoggerFactory.getLogger(OrganisationCsvController.class);

    private final OrganisationImport organisationImport;
    private final OrganisationExport organisationExport;
    private final AuditLog audit;
    private final Clock clock;

    OrganisationCsvController(OrganisationImport organisationImport, OrganisationExport organisationExport, AuditLog audit,
                              Clock clock) {
        this.organisationImport = organisationImport;
        this.organisationExport = organisationExport;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping(IMPORT)
    String page(@AuthenticationPrincipal ConsoleUser user,
                @RequestParam(name = "trop-lourd", required = false) String tooLarge, Model model) {
        model.addAttribute("user", user);
        if (tooLarge != null) {
            model.addAttribute("error", "offer-import.error.too-large");
        }
        return PAGE;
    }

    @PostMapping(IMPORT)
    String upload(@AuthenticationPrincipal ConsoleUser user, @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "skipInvalid", defaultValue = "false") boolean skipInvalid, Model model) throws IOException {
        model.addAttribute("user", user);
        model.addAttribute("skipInvalid", skipInvalid);
        switch (UploadedCsv.read(file)) {
            case UploadedCsv.Refused refused -> model.addAttribute("error", refused.messageKey());
            case UploadedCsv.Text text -> {
                ImportReport report = organisationImport.importOrganisations(new StringReader(text.content()), user.scope(),
                        skipInvalid);
                model.addAttribute("report", report);
                if (report.applied() && report.created() + report.updated() > 0) {
                    audit.record(user.territoryId(), null, user.accountId(), AuditAction.ORGANISATIONS_IMPORTED,
                            user.territoryId() == null ? "national" : user.territoryId());
                }
                log.info("Organisation import by {}: {} rows, {} created, {} updated, {} unchanged, {} problems, applied={}",
                        user.accountId(), report.rows(), report.created(), report.updated(), report.unchanged(),
                        report.problems().size(), report.applied());
            }
        }
        return PAGE;
    }

    @GetMapping("/console/admin/organisations/export.csv")
    void export(@AuthenticationPrincipal ConsoleUser user, HttpServletResponse response) throws IOException {
        String name = "structures-" + LocalDate.now(clock) + ".csv";
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        // a byte-order mark, so that spreadsheet software shows the accents; the import skips it
        out.write('\uFEFF');
        int count = organisationExport.export(out, user.scope());
        out.flush();
        log.info("Organisation export by {}: {} organisations", user.accountId(), count);
    }
}
