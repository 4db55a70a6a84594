package fr.boussole.console.support;

import fr.boussole.console.security.ConsoleUser;
import fr.boussole.core.ids.Ids;
import fr.boussole.store.account.Account;
import fr.boussole.store.account.Accounts;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationType;
import fr.boussole.store.organisation.Organisations;
import fr.boussole.core.offer.ContactRequests;
import fr.boussole.store.territory.Territories;
import fr.boussole.store.testing.StoreWorld;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Builds a small world in the store for one test: a territory with two organisations, each with a
 * professional, an offer and alert contacts, and an animateur. The store's part is the offer store's
 * one {@link StoreWorld} (shared with its promises' tests); the console adds the accounts people sign
 * in with. Ids are fresh each time, so tests sharing the database do not see each other's data.
 */
@Component
public class Fixtures {

    public static final String PASSWORD = "motdepasse-de-test";

    public record World(String territoryId, Org a, Org b, ConsoleUser animateur) {}

    public record Org(String id, String name, String offerId, String offerTitle, String alertEmail,
                      ConsoleUser professional) {}

    private final StoreWorld store;
    private final Organisations organisations;
    private final Accounts accounts;
    private final fr.boussole.store.request.ContactRequestRecords records;
    private final fr.boussole.core.handover.Handovers handovers;
    private final PasswordEncoder encoder;
    private final String hash;

    Fixtures(Territories territories, Organisations organisations, Offers offers, Accounts accounts,
             ContactRequests contactRequests, fr.boussole.store.request.ContactRequestRecords records,
             fr.boussole.core.handover.Handovers handovers, PasswordEncoder encoder) {
        this.handovers = handovers;
        this.store = new StoreWorld(territories, organisations, offers, contactRequests);
        this.organisations = organisations;
        this.accounts = accounts;
        this.records = records;
        this.encoder = encoder;
        this.hash = encoder.encode(PASSWORD);
    }

    public World world() {
        String suffix = StoreWorld.suffix();
        String territoryId = store.territory(suffix, List.of("emploi", "formation", "logement", "sante", "mobilite-internationale")).getId();
        Org a = organisation(territoryId, "Mission locale du Lot " + suffix, "Accompagnement vers l'emploi", suffix + "a");
        Org b = organisation(territoryId, "Point Info Jeunes de Figeac " + suffix, "Trouver un job d'été", suffix + "b");
        Account animateur = Account.animateur(Ids.random("ac"), "animation-" + suffix + "@boussole.test",
                "Camille Animatrice", territoryId, hash);
        accounts.save(animateur);
        return new World(territoryId, a, b, user(animateur, territoryId));
    }

    /** A national administrator (bound to no territory or organisation). */
    public ConsoleUser administrator() {
        String suffix = Ids.random("t").substring(2, 10);
        Account admin = Account.administrator(Ids.random("ac"), "admin-" + suffix + "@boussole.test", "Alix Admin", hash);
        accounts.save(admin);
        return user(admin, null);
    }

    private Org organisation(String territoryId, String name, String offerTitle, String key) {
        StoreWorld.Org org = store.organisation(territoryId, name, offerTitle, key);
        Account pro = Account.professional(Ids.random("ac"), "pro-" + key + "@structure.test", "Dominique Pro " + key,
                org.id(), hash);
        accounts.save(pro);
        return new Org(org.id(), name, org.offerId(), offerTitle, org.alertEmail(), user(pro, territoryId));
    }

    /**
     * A conversation of the world's territory handed to a person, as the pipeline records it when a
     * young person asks (on SMS, from a number of its own).
     */
    public String handover(World world, Instant at) {
        String id = Ids.random("ho");
        handovers.requested(id, new fr.boussole.core.message.ConversationKey(fr.boussole.core.message.Channel.SMS,
                "+3361" + Math.abs(id.hashCode() % 10_000_000)), world.territoryId(), "asked", at);
        return id;
    }

    /** Makes the organisation an Info Jeunes one: its professionals then answer the territory's inbox. */
    public void infoJeunes(Org org) {
        Organisation organisation = organisations.findById(org.id()).orElseThrow();
        organisation.setType(OrganisationType.INFO_JEUNES);
        organisations.save(organisation);
    }

    /** A new request to the organisation's offer, made at {@code at}, due three days later. */
    public String request(World world, Org org, Instant at) {
        return record(world, org, at).requestId();
    }

    /** Records a request through the store's {@link ContactRequests} port, as the pipeline does. */
    public ContactRequests.Recorded record(World world, Org org, Instant at) {
        return record(world, org, at, "emploi");
    }

    /** The same, for a request whose young person chose {@code theme}. */
    public ContactRequests.Recorded record(World world, Org org, Instant at, String theme) {
        return record(world, org, at, theme, false);
    }

    /** A request of a young person who gave an urgent answer or said they were in danger. */
    public String urgentRequest(World world, Org org, Instant at) {
        return record(world, org, at, "sante", true).requestId();
    }

    private ContactRequests.Recorded record(World world, Org org, Instant at, String theme, boolean urgent) {
        StoreWorld.Request request = store.request(world.territoryId(), org.offerId(), at).theme(theme).contact("06 12 34 56 78");
        return (urgent ? request.urgent() : request).record();
    }

    /** Notes a follow-up by the organisation's professional and, if {@code outcome} is given, closes the request. */
    public void followUp(String requestId, Instant at, fr.boussole.store.request.Outcome outcome) {
        var request = records.findById(requestId).orElseThrow();
        request.addFollowUp(new fr.boussole.store.request.FollowUp("fixture", at,
                fr.boussole.store.request.FollowUpMeans.PHONE, "Appel"));
        if (outcome != null) {
            request.close(outcome, "Fait", at);
        }
        records.save(request);
    }

    private static ConsoleUser user(Account account, String territoryId) {
        return new ConsoleUser(account.getId(), account.getEmail(), account.getDisplayName(),
                account.getRole(), account.getOrganisationId(), territoryId,
                account.getPasswordHash(), true, false);
    }
}
