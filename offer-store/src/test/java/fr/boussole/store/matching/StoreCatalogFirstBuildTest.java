package fr.boussole.store.matching;

import static org.assertj.core.api.Assertions.assertThat;

import fr.boussole.core.offer.MatchQuery;
import fr.boussole.core.offer.OfferSummary;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.OfferStatus;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.organisation.Competence;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationType;
import fr.boussole.store.organisation.Organisations;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Broken promise if it fails: right after a start, while the first index build reads the store, a concurrent
 * search was served the empty index (no offers at all; and a journey that asks only the questions that change
 * which offers match skipped them). Found by KillNineIT, where a restarted instance takes a backlog of turns at once.
 */
class StoreCatalogFirstBuildTest {

    private static final MatchQuery QUERY = new MatchQuery(null, "emploi", "46042", 20, Map.of(),
            LocalDate.of(2026, 12, 7), "seed");

    @Test
    void a_search_during_the_first_build_waits_for_it_instead_of_finding_nothing() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Offer offer = new Offer("of_1", "org_1", "emploi", "Offre");
        offer.setStatus(OfferStatus.ACTIVE);
        offer.setContactDelayDays(3);
        Offers offers = repository(Offers.class, "findByStatus", () -> {
            reading.countDown();
            await(release);
            return List.of(offer);
        });
        Organisations organisations = repository(Organisations.class, "findAll",
                () -> List.of(new Organisation("org_1", "org_1", OrganisationType.ASSOCIATION, Competence.national())));
        StoreCatalog catalog = new StoreCatalog(offers, organisations);

        CompletableFuture<List<OfferSummary>> first = CompletableFuture.supplyAsync(() -> catalog.match(QUERY));
        assertThat(reading.await(30, TimeUnit.SECONDS)).as("the first build reads the offers").isTrue();
        CompletableFuture<List<OfferSummary>> during = new CompletableFuture<>();
        Thread searcher = Thread.ofPlatform().start(() -> during.complete(catalog.match(QUERY)));
        // the second search has either answered already (from the empty index) or waits for the first build
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!during.isDone() && searcher.getState() != Thread.State.BLOCKED && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        release.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).extracting(OfferSummary::id).containsExactly("of_1");
        assertThat(during.get(30, TimeUnit.SECONDS)).extracting(OfferSummary::id).containsExactly("of_1");
    }

    /** A repository answering one query method; the catalogue calls no other. */
    private static <T> T repository(Class<T> type, String method, java.util.function.Supplier<List<?>> answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, called, args) -> {
            if (called.getName().equals(method)) {
                return answer.get();
            }
            if (called.getDeclaringClass() == Object.class) {
                return switch (called.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> type.getSimpleName();
                };
            }
            throw new UnsupportedOperationException(called.getName());
        }));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
