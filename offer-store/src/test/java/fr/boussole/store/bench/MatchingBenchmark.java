package fr.boussole.store.bench;

import fr.boussole.core.offer.MatchQuery;
import fr.boussole.core.offer.OfferSummary;
import fr.boussole.store.matching.OfferMatcher;
import fr.boussole.store.offer.Criterion;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.OfferStatus;
import fr.boussole.store.organisation.Competence;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationType;
import fr.boussole.store.organisation.ScopeLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matching over a synthetic catalogue of {@code offers} offers spread over France like a national
 * deployment would be: 2,000 organisations (40% departmental, 20% on communes, 15% regional, 15% on
 * a territory, 10% national), a third of the offers on their own communes, 0–2 criteria each.
 * Queries are a young person of Cahors (in the Lot territory) and of random departments.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatchingBenchmark {

    static final String[] THEMES = {"emploi", "formation", "logement", "sante", "mobilite-internationale"};
    static final String[] SITUATIONS = {"sans-activite", "lyceen", "etudiant", "apprenti", "salarie", "autre"};
    static final String[] TYPES = {"saisonnier", "job-etudiant", "emploi-durable", "emploi-formation"};
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Param({"50000"})
    int offers;

    OfferMatcher matcher;
    List<Offer> catalogue;
    Map<String, Organisation> organisations;
    MatchQuery cahors;
    List<MatchQuery> elsewhere;
    int next;

    @Setup(Level.Trial)
    public void catalogue() {
        Random random = new Random(42);
        Map<String, Organisation> organisations = new HashMap<>();
        List<String> orgIds = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String id = "org" + i;
            double kind = random.nextDouble();
            Competence competence;
            if (kind < 0.40) {
                competence = new Competence(ScopeLevel.DEPARTEMENT, List.of(departement(random)));
            } else if (kind < 0.60) {
                competence = new Competence(ScopeLevel.COMMUNES, communes(random, 1 + random.nextInt(8)));
            } else if (kind < 0.75) {
                competence = new Competence(ScopeLevel.REGION, List.of(region(random)));
            } else if (kind < 0.90) {
                competence = new Competence(ScopeLevel.TERRITORY, List.of("te_" + random.nextInt(60)));
            } else {
                competence = Competence.national();
            }
            organisations.put(id, new Organisation(id, "Organisation " + i, OrganisationType.ASSOCIATION, competence));
            orgIds.add(id);
        }
        List<Offer> catalogue = new ArrayList<>(offers);
        for (int i = 0; i < offers; i++) {
            Offer offer = new Offer("of" + i, orgIds.get(random.nextInt(orgIds.size())), THEMES[random.nextInt(5)],
                    "Offre " + i);
            offer.setDescription("Une offre pour les jeunes. Elle sert au banc d'essai.");
            offer.setStatus(random.nextInt(10) == 0 ? OfferStatus.ARCHIVED : OfferStatus.ACTIVE);
            offer.setContactDelayDays(1 + random.nextInt(7));
            offer.setAgeMin(16);
            offer.setAgeMax(random.nextBoolean() ? 25 : 30);
            if (random.nextInt(3) == 0) {
                offer.setCommunes(communes(random, 1 + random.nextInt(5)));
            }
            List<Criterion> criteria = new ArrayList<>();
            if (random.nextBoolean()) {
                int first = random.nextInt(6);
                criteria.add(new Criterion("situation",
                        Set.of(SITUATIONS[first], SITUATIONS[(first + 1 + random.nextInt(5)) % 6])));
            }
            if (random.nextInt(3) == 0) {
                criteria.add(new Criterion("type-emploi", Set.of(TYPES[random.nextInt(4)])));
            }
            offer.setCriteria(criteria);
            if (random.nextInt(5) == 0) {
                offer.setValidUntil(TODAY.plusDays(random.nextInt(200) - 100));
            }
            catalogue.add(offer);
        }
        this.catalogue = catalogue;
        this.organisations = organisations;
        matcher = OfferMatcher.of(catalogue, organisations);
        Map<String, Set<String>> answers = Map.of("situation", Set.of("etudiant"), "type-emploi",
                Set.of("saisonnier", "job-etudiant"), "permis-b", Set.of("non"));
        cahors = new MatchQuery("te_7", "emploi", "46042", 19, answers, TODAY, "conversation-1");
        elsewhere = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            elsewhere.add(new MatchQuery("te_" + random.nextInt(60), THEMES[random.nextInt(5)],
                    communes(random, 1).getFirst(), 16 + random.nextInt(15), answers, TODAY, "conversation-" + i));
        }
        System.out.printf("%n%d offers indexed, %d found for Cahors%n", matcher.size(), matcher.match(cahors).size());
    }

    @Benchmark
    public List<OfferSummary> matchCahors() {
        return matcher.match(cahors);
    }

    @Benchmark
    public List<OfferSummary> matchRandomCommunes() {
        next = (next + 1) & 255;
        return matcher.match(elsewhere.get(next));
    }

    /** A full rebuild of the index, as after an edit or at the periodic refresh (data already loaded). */
    @Benchmark
    public OfferMatcher rebuildIndex() {
        return OfferMatcher.of(catalogue, organisations);
    }

    private static String departement(Random random) {
        int n = 1 + random.nextInt(95);
        return n == 20 ? "2A" : String.format("%02d", n);
    }

    private static String region(Random random) {
        String[] regions = {"11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"};
        return regions[random.nextInt(regions.length)];
    }

    private static List<String> communes(Random random, int count) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // a third of the communes in the Lot, so that the Lot's communes are well populated
            String departement = random.nextInt(3) == 0 ? "46" : departement(random);
            codes.add(departement + String.format("%03d", 1 + random.nextInt(departement.equals("46") ? 50 : 400)));
        }
        return codes;
    }
}
