package fr.boussole.store.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.boussole.store.StoreIntegrationTest;
import fr.boussole.store.account.Account;
import fr.boussole.store.account.Accounts;
import fr.boussole.store.organisation.Competence;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationType;
import fr.boussole.store.organisation.Organisations;
import fr.boussole.store.organisation.ScopeLevel;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

class OffersRepositoryTest extends StoreIntegrationTest {

    @Autowired Offers offers;
    @Autowired Organisations organisations;
    @Autowired Accounts accounts;

    @Test
    void an_offer_is_stored_and_read_back_with_its_criteria_and_dates() {
        Offer offer = new Offer("of_1", "org_1", "emploi", "Job d'été");
        offer.setRef("EMP-1");
        offer.setCriteria(List.of(new Criterion("situation", Set.of("etudiant", "lyceen"))));
        offer.setCommunes(List.of("46042"));
        offer.setValidFrom(LocalDate.of(2026, 6, 1));
        offer.setContactDelayDays(3);
        offer.setStatus(OfferStatus.ACTIVE);
        offers.save(offer);

        Offer read = offers.findByRef("EMP-1").orElseThrow();
        assertThat(read.getCriteria()).containsExactly(new Criterion("situation", Set.of("lyceen", "etudiant")));
        assertThat(read.getValidFrom()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(read.getCommunes()).containsExactly("46042");
        assertThat(read.getVersion()).isZero();
        assertThat(offers.findByStatus(OfferStatus.ACTIVE)).hasSize(1);
    }

    @Test
    void two_people_editing_the_same_offer_cannot_both_win() {
        offers.save(new Offer("of_1", "org_1", "emploi", "Job d'été"));
        Offer mine = offers.findById("of_1").orElseThrow();
        Offer theirs = offers.findById("of_1").orElseThrow();
        mine.setTitle("Jobs d'été");
        offers.save(mine);
        theirs.setTitle("Emplois saisonniers");

        assertThatThrownBy(() -> offers.save(theirs)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(offers.findById("of_1").orElseThrow().getTitle()).isEqualTo("Jobs d'été");
    }

    @Test
    void two_people_editing_the_same_organisation_cannot_both_win() {
        organisations.save(new Organisation("org_1", "Mission locale", OrganisationType.MISSION_LOCALE,
                new Competence(ScopeLevel.DEPARTEMENT, List.of("46"))));
        Organisation mine = organisations.findById("org_1").orElseThrow();
        Organisation theirs = organisations.findById("org_1").orElseThrow();
        mine.setActive(false);
        organisations.save(mine);

        assertThatThrownBy(() -> organisations.save(theirs)).isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void an_offer_ref_and_an_account_email_are_unique() {
        Offer first = new Offer("of_1", "org_1", "emploi", "A");
        first.setRef("REF");
        offers.save(first);
        Offer second = new Offer("of_2", "org_1", "emploi", "B");
        second.setRef("REF");
        assertThatThrownBy(() -> offers.save(second)).isInstanceOf(DuplicateKeyException.class);

        accounts.save(Account.professional("ac_1", "Anne@Example.org", "Anne", "org_1", "{noop}x"));
        assertThat(accounts.findByEmail("anne@example.org")).isPresent();
        assertThatThrownBy(() -> accounts.save(Account.animateur("ac_2", "anne@example.org", "A", "t", "{noop}x")))
                .isInstanceOf(DuplicateKeyException.class);
    }
}
