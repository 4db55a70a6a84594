package fr.boussole.store.promise;

import fr.boussole.core.conversation.Answer;
import fr.boussole.core.conversation.ConsentRecord;
import fr.boussole.core.conversation.ContactMethod;
import fr.boussole.core.conversation.ContactRequestDraft;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.offer.ContactRequests;
import fr.boussole.store.account.Account;
import fr.boussole.store.account.Accounts;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.OfferStatus;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.organisation.Competence;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationContact;
import fr.boussole.store.organisation.OrganisationType;
import fr.boussole.store.organisation.Organisations;
import fr.boussole.store.organisation.ScopeLevel;
import fr.boussole.store.territory.Territories;
import fr.boussole.store.territory.Territory;
import fr.boussole.store.territory.TerritoryStatus;
import java.time.Instant;
import java.util.List;

/**
 * A small world in the store for the promises' tests: a territory with an animateur and two
 * organisations, each with an offer (three days promised) and an alert contact; requests recorded
 * through the {@link ContactRequests} port, as the pipeline records them.
 */
final class PromiseWorld {

    record Org(String id, String name, String offerId, String offerTitle, String alertEmail) {}

    final String territoryId;
    final String animateurEmail;
    final Org a;
    final Org b;
    private final ContactRequests contactRequests;

    PromiseWorld(Territories territories, Organisations organisations, Offers offers, Accounts accounts,
                 ContactRequests contactRequests) {
        this.contactRequests = contactRequests;
        String suffix = Ids.random("t").substring(2, 10);
        Territory territory = new Territory("te_" + suffix, "Boussole du Lot " + suffix, TerritoryStatus.OPEN);
        territory.setCommunes(List.of("46042", "46102"));
        territories.save(territory);
        territoryId = territory.getId();
        a = organisation(organisations, offers, "Mission locale du Lot " + suffix, "Accompagnement vers l'emploi", suffix + "a");
        b = organisation(organisations, offers, "Point Info Jeunes de Figeac " + suffix, "Trouver un job d'été", suffix + "b");
        animateurEmail = "animation-" + suffix + "@boussole.test";
        accounts.save(Account.animateur(Ids.random("ac"), animateurEmail, "Camille Animatrice", territoryId, "{noop}x"));
    }

    private Org organisation(Organisations organisations, Offers offers, String name, String offerTitle, String key) {
        Organisation organisation = new Organisation(Ids.random("or"), name, OrganisationType.MISSION_LOCALE,
                new Competence(ScopeLevel.TERRITORY, List.of(territoryId)));
        String alertEmail = "alertes-" + key + "@structure.test";
        organisation.setContacts(List.of(
                new OrganisationContact("Accueil", "accueil", "05 65 00 00 00", "accueil-" + key + "@structure.test", false),
                new OrganisationContact("Conseillère", "conseil", null, alertEmail, true)));
        organisation.setTerritoryId(territoryId);
        organisations.save(organisation);
        Offer offer = new Offer(Ids.random("of"), organisation.getId(), "emploi", offerTitle);
        offer.setDescription("Un conseiller t'aide à trouver un emploi.");
        offer.setPlace("Cahors");
        offer.setContactDelayDays(3);
        offer.setStatus(OfferStatus.ACTIVE);
        offers.save(offer);
        return new Org(organisation.getId(), name, offer.getId(), offerTitle, alertEmail);
    }

    /** A request to the organisation's offer made at {@code at} on {@code channel}, due three days later. */
    ContactRequests.Recorded request(Org org, Instant at, Channel channel) {
        String id = Ids.random("cr");
        var draft = new ContactRequestDraft(new ConversationKey(channel, channel == Channel.WEB ? "session-" + id : "+33612345678"),
                org.offerId(), territoryId, "emploi", "emploi", 1, 19, "46042", "Cahors",
                List.of(new Answer("situation", "Quelle est ta situation ?", List.of("etudiant"), List.of("Étudiant(e)")),
                        new Answer("besoin", "De quoi as-tu besoin ?", List.of("job", "cv"), List.of("Un job", "Un CV"))),
                ContactMethod.PHONE, "+33612345678", // as the engine records it: E.164
                new ConsentRecord("J'accepte d'être contacté(e).", "v1", at, channel), at);
        return contactRequests.record(id, draft);
    }

    ContactRequests.Recorded request(Org org, Instant at) {
        return request(org, at, Channel.WEB);
    }

    /** A request of a young person who gave an urgent answer or said they were in danger. */
    ContactRequests.Recorded urgentRequest(Org org, Instant at) {
        String id = Ids.random("cr");
        var draft = new ContactRequestDraft(new ConversationKey(Channel.WEB, "session-" + id), org.offerId(), territoryId,
                "sante", "sante", 1, 17, "46042", "Cahors",
                List.of(new Answer("urgence", "C'est urgent ?", List.of("tres"), List.of("Oui, très"))),
                ContactMethod.PHONE, "06 12 34 56 78", new ConsentRecord("Oui, contactez-moi.", "v2", at, Channel.WEB), at, true);
        return contactRequests.record(id, draft);
    }
}
