package fr.boussole.store.testing;

import fr.boussole.core.conversation.Answer;
import fr.boussole.core.conversation.ConsentRecord;
import fr.boussole.core.conversation.ContactMethod;
import fr.boussole.core.conversation.ContactRequestDraft;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.offer.ContactRequests;
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
 * The one builder of a small world in the offer store, for the store's own tests (the promises') and the
 * console's: a territory of the Lot, organisations each with an offer (three days promised) and an alert
 * contact, and contact requests recorded through the {@link ContactRequests} port, as the pipeline records
 * them. Ids are fresh each time, so tests sharing a database do not see each other's data.
 * <p>
 * Its source is compiled into the test classes of both modules (build-helper's add-test-source): a test
 * jar of the store would put all of the store's test classes, its test application among them, on the
 * console's class path.
 */
public final class StoreWorld {

    /** An organisation of the world with its one offer and the address its alerts go to. */
    public record Org(String id, String name, String offerId, String offerTitle, String alertEmail) {}

    /** What a young person answered, as most requests carry it. */
    public static final List<Answer> ANSWERS = List.of(
            new Answer("situation", "Quelle est ta situation ?", List.of("etudiant"), List.of("Étudiant(e)")),
            new Answer("besoin", "De quoi as-tu besoin ?", List.of("job", "cv"), List.of("Un job", "Un CV")));

    private final Territories territories;
    private final Organisations organisations;
    private final Offers offers;
    private final ContactRequests contactRequests;

    public StoreWorld(Territories territories, Organisations organisations, Offers offers, ContactRequests contactRequests) {
        this.territories = territories;
        this.organisations = organisations;
        this.offers = offers;
        this.contactRequests = contactRequests;
    }

    /** A fresh suffix for names and ids, so that each world is apart from the others. */
    public static String suffix() {
        return Ids.random("t").substring(2, 10);
    }

    /** An open territory on two communes of the Lot (Cahors, Figeac), with the given themes active. */
    public Territory territory(String suffix, List<String> activeThemes) {
        Territory territory = new Territory("te_" + suffix, "Boussole du Lot " + suffix, TerritoryStatus.OPEN);
        territory.setCommunes(List.of("46042", "46102"));
        if (!activeThemes.isEmpty()) {
            territory.setActiveThemes(activeThemes);
        }
        return territories.save(territory);
    }

    /**
     * A mission locale of the territory with a reception contact and an adviser who gets the alerts
     * ({@code alertes-<key>@structure.test}), and its one active "emploi" offer in Cahors, three days promised.
     */
    public Org organisation(String territoryId, String name, String offerTitle, String key) {
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

    /** A request to the offer, made at {@code at}: on the web chat, about "emploi", by a 19-year-old, unless told otherwise. */
    public Request request(String territoryId, String offerId, Instant at) {
        return new Request(territoryId, offerId, at);
    }

    /** One contact request to record; {@link #record()} records it. */
    public final class Request {

        private final String territoryId;
        private final String offerId;
        private final Instant at;
        private Channel channel = Channel.WEB;
        private String theme = "emploi";
        private int age = 19;
        private List<Answer> answers = ANSWERS;
        private String contact = "+33612345678"; // as the engine records it: E.164
        private String consentText = "J'accepte d'être contacté(e).";
        private String consentVersion = "v1";
        private boolean urgent;

        private Request(String territoryId, String offerId, Instant at) {
            this.territoryId = territoryId;
            this.offerId = offerId;
            this.at = at;
        }

        /** On this channel: from the contact number itself, or a web chat session of its own. */
        public Request on(Channel channel) {
            this.channel = channel;
            return this;
        }

        public Request theme(String theme) {
            this.theme = theme;
            return this;
        }

        public Request age(int age) {
            this.age = age;
            return this;
        }

        public Request answers(List<Answer> answers) {
            this.answers = answers;
            return this;
        }

        /** The phone number the young person gave, as stored. */
        public Request contact(String phone) {
            this.contact = phone;
            return this;
        }

        public Request consent(String text, String version) {
            this.consentText = text;
            this.consentVersion = version;
            return this;
        }

        /** The young person gave an urgent answer or said they were in danger. */
        public Request urgent() {
            this.urgent = true;
            return this;
        }

        public ContactRequests.Recorded record() {
            String id = Ids.random("cr");
            ConversationKey conversation = new ConversationKey(channel, channel == Channel.WEB ? "session-" + id : contact);
            var draft = new ContactRequestDraft(conversation, offerId, territoryId, theme, theme, 1, age, "46042", "Cahors",
                    answers, ContactMethod.PHONE, contact, new ConsentRecord(consentText, consentVersion, at, channel), at, urgent);
            return contactRequests.record(id, draft);
        }
    }
}
