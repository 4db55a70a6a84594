package fr.boussole.store.csv;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The command line of the offers CSV: {@code --import-offers=offers.csv [--skip-invalid]} or
 * {@code --export-offers=offers.csv}. The application does the job, prints the report and exits
 * (status 0 when done, 1 when the file had problems and nothing was imported, 2 on an I/O error).
 */
@Component
@Order(100)
class OfferCsvCommand implements ApplicationRunner {

    static final String IMPORT = "import-offers";
    static final String EXPORT = "export-offers";
    static final String SKIP_INVALID = "skip-invalid";

    private final OfferImport offerImport;
    private final OfferExport offerExport;
    private final ApplicationContext context;

    OfferCsvCommand(OfferImport offerImport, OfferExport offerExport, ApplicationContext context) {
        this.offerImport = offerImport;
        this.offerExport = offerExport;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption(IMPORT) || args.containsOption(EXPORT)) {
            int status = execute(args, System.out);
            System.exit(SpringApplication.exit(context, () -> status));
        }
    }

    /** Runs the command named in the arguments and returns the exit status. */
    int execute(ApplicationArguments args, PrintStream out) {
        try {
            if (args.containsOption(EXPORT)) {
                Path file = Path.of(args.getOptionValues(EXPORT).getFirst());
                try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    out.println(ImportTexts.text("command.exported", offerExport.export(writer, null), file));
                }
                return 0;
            }
            Path file = Path.of(args.getOptionValues(IMPORT).getFirst());
            boolean skipInvalid = args.containsOption(SKIP_INVALID);
            long start = System.nanoTime();
            ImportReport report;
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                report = offerImport.importOffers(reader, ImportOptions.any(skipInvalid, "import:" + file.getFileName()),
                        (phase, done, total) -> out.println(ImportTexts.text("command.progress",
                                ImportTexts.text("command.phase." + phase.name()), done, total)));
            }
            report.problems().forEach(problem -> out.println(problem));
            long millis = (System.nanoTime() - start) / 1_000_000;
            out.println(report.applied()
                    ? ImportTexts.text("command.imported", report.rows(), report.created(), report.updated(),
                            report.unchanged(), report.skipped(), report.problems().size(), millis)
                    : ImportTexts.text("command.refused", report.rows(), report.problems().size(), millis));
            return report.applied() ? 0 : 1;
        } catch (IOException e) {
            out.println(ImportTexts.text("command.io-error", e.getMessage()));
            return 2;
        }
    }
}
