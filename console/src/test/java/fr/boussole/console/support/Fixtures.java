package fr.boussole.console.support;

import fr.boussole.console.security.ConsoleUser;
import fr.boussole.core.conversation.Answer;
import fr.boussole.core.conversation.ConsentRecord;
import fr.boussole.core.conversation.ContactMethod;
import fr.boussole.core.conversation.ContactRequestDraft;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
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
import fr.boussole.core.offer.ContactRequests;
import fr.boussole.store.territory.Territories;
import fr.boussole.store.territory.Territory;
import fr.boussole.store.territory.TerritoryStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Builds a small world in the store for one test: a territory with two organisations, each with a
 * professional, an offer and alert contacts, and an animateur. Ids are fresh each time, so tests
 * sharing the database do not see each other's data.
 */
@Component
public class Fixtures {

    public static final String PASSWORD = "motdepasse-de-test";

    public record World(String territoryId, Org a, Org b, ConsoleUser animateur) {}

    public record Org(String id, String name, String offerId, String offerTitle, String alertEmail,
                      ConsoleUser professional) {}

    private final Territories territories;
    private final Organisations organisations;
    private final Offers offers;
    private final Accounts accounts;
    private final ContactRequests contactRequests;
    private final fr.boussole.store.request.ContactRequestRecords records;
    private final fr.boussole.core.handover.Handovers handovers;
    private final PasswordEncoder encoder;
    private final String hash;

    Fixtures(Territories territories, Organisations organisations, Offers offers, Accounts accounts,
             ContactRequests contactRequests, fr.boussole.store.request.ContactRequestRecords records,
             fr.boussole.core.handover.Handovers handovers, PasswordEncoder encoder) {
        this.handovers = handovers;
        this.territories = territories;
        this.organisations = organisations;
        this.offers = offers;
        this.accounts = accounts;
        this.contactRequests = contactRequests;
        this.records = records;
        this.encoder = encoder;
        this.hash = encoder.encode(PASSWORD);
    }

    public World world() {
        String suffix = Ids.random("t").substring(2, 10);
        Territory territory = new Territory("te_" + suffix, "Boussole du Lot " + suffix, TerritoryStatus.OPEN);
        territory.setCommunes(List.of("46042", "46102"));
        territory.setActiveThemes(List.of("emploi", "formation", "logement", "sante", "mobilite-internationale"));
        territories.save(territory);
        Org a = organisation(territory.getId(), "Mission locale du Lot " + suffix, "Accompagnement vers l'emploi", suffix + "a");
        Org b = organisation(territory.getId(), "Point Info Jeunes de Figeac " + suffix, "Trouver un job d'été", suffix + "b");
        Account animateur = Account.animateur(Ids.random("ac"), "animation-" + suffix + "@boussole.test",
                "Camille Animatrice", territory.getId(), hash);
        accounts.save(animateur);
        return new World(territory.getId(), a, b, user(animateur, territory.getId()));
    }

    /** A national administrator (bound to no territory or organisation). */
    public ConsoleUser administrator() {
        String suffix = Ids.random("t").substring(2, 10);
        Account admin = Account.administrator(Ids.random("ac"), "admin-" + suffix + "@boussole.test", "Alix Admin", hash);
        accounts.save(admin);
        return user(admin, null);
    }

    private Org organisation(String territoryId, String name, String offerTitle, String key) {
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
        Account pro = Account.professional(Ids.random("ac"), "pro-" + key + "@structure.test", "Dominique Pro " + key,
                organisation.getId(), hash);
        accounts.save(pro);
        return new Org(organisation.getId(), name, offer.getId(), offerTitle, alertEmail, user(pro, territoryId));
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
        String id = Ids.random("cr");
        var draft = new ContactRequestDraft(new ConversationKey(Channel.WEB, "session-" + id), org.offerId(),
                world.territoryId(), theme, theme, 1, 19, "46042", "Cahors",
                List.of(new Answer("situation", "Quelle est ta situation ?", List.of("etudiant"), List.of("Étudiant(e)")),
                        new Answer("besoin", "De quoi as-tu besoin ?", List.of("job", "cv"), List.of("Un job", "Un CV"))),
                ContactMethod.PHONE, "06 12 34 56 78",
                new ConsentRecord("J'accepte d'être contacté(e).", "v1", at, Channel.WEB), at, urgent);
        return contactRequests.record(id, draft);
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
