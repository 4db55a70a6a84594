package fr.boussole.store.promise;

import fr.boussole.core.conversation.Answer;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import fr.boussole.core.offer.ContactRequests;
import fr.boussole.store.account.Account;
import fr.boussole.store.account.Accounts;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.organisation.Organisations;
import fr.boussole.store.territory.Territories;
import fr.boussole.store.testing.StoreWorld;
import java.time.Instant;
import java.util.List;

/**
 * The promises' world, built by the one {@link StoreWorld}: a territory with an animateur and two
 * organisations, each with an offer (three days promised) and an alert contact; requests recorded
 * through the {@link ContactRequests} port, as the pipeline records them.
 */
final class PromiseWorld {

    final String territoryId;
    final String animateurEmail;
    final StoreWorld.Org a;
    final StoreWorld.Org b;
    private final StoreWorld store;

    PromiseWorld(Territories territories, Organisations organisations, Offers offers, Accounts accounts,
                 ContactRequests contactRequests) {
        store = new StoreWorld(territories, organisations, offers, contactRequests);
        String suffix = StoreWorld.suffix();
        territoryId = store.territory(suffix, List.of()).getId();
        a = store.organisation(territoryId, "Mission locale du Lot " + suffix, "Accompagnement vers l'emploi", suffix + "a");
        b = store.organisation(territoryId, "Point Info Jeunes de Figeac " + suffix, "Trouver un job d'été", suffix + "b");
        animateurEmail = "animation-" + suffix + "@boussole.test";
        accounts.save(Account.animateur(Ids.random("ac"), animateurEmail, "Camille Animatrice", territoryId, "{noop}x"));
    }

    /** A request to the organisation's offer made at {@code at} on {@code channel}, due three days later. */
    ContactRequests.Recorded request(StoreWorld.Org org, Instant at, Channel channel) {
        return store.request(territoryId, org.offerId(), at).on(channel).record();
    }

    ContactRequests.Recorded request(StoreWorld.Org org, Instant at) {
        return request(org, at, Channel.WEB);
    }

    /** A request of a young person who gave an urgent answer or said they were in danger. */
    ContactRequests.Recorded urgentRequest(StoreWorld.Org org, Instant at) {
        return store.request(territoryId, org.offerId(), at).theme("sante").age(17)
                .answers(List.of(new Answer("urgence", "C'est urgent ?", List.of("tres"), List.of("Oui, très"))))
                .contact("06 12 34 56 78").consent("Oui, contactez-moi.", "v2").urgent().record();
    }
}
