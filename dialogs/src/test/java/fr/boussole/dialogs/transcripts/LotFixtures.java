package fr.boussole.dialogs.transcripts;

import fr.boussole.core.offer.InfoJeunesContact;
import fr.boussole.core.offer.NationalService;
import fr.boussole.core.handover.OfficeHours;
import fr.boussole.core.handover.PersonDesk;
import java.time.Duration;
import java.time.ZoneId;
import fr.boussole.core.offer.MatchQuery;
import fr.boussole.core.offer.OfferCatalog;
import fr.boussole.core.offer.OfferDetails;
import fr.boussole.core.offer.OfferSummary;
import fr.boussole.core.offer.TerritoryDirectory;
import fr.boussole.core.offer.TerritoryView;
import fr.boussole.core.offer.ThemeRef;
import fr.boussole.core.place.Commune;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * In-memory implementations of the catalogue and territory ports for the transcripts: one open
 * territory over the Lot (department 46) with the five themes, and a handful of offers per theme,
 * some with eligibility criteria. The real ones live in offer-store, another module.
 */
public final class LotFixtures {

    public static final String TERRITORY = "ter-lot";
    /** Martel: no housing offer reaches it, so that a search finds nothing there. */
    public static final String NO_HOUSING_COMMUNE = "46185";

    private record Offer(OfferDetails details, String theme, String summary, Map<String, Set<String>> criteria) {}

    /** Short titles (at most 24 characters), as organisations give them for lists and buttons. */
    private static final Map<String, String> SHORT_TITLES = Map.ofEntries(
            Map.entry("emp-accueil", "Conseiller emploi"), Map.entry("emp-saison", "Jobs d'été"),
            Map.entry("emp-alternance", "Trouver une alternance"), Map.entry("emp-permis", "Permis et emploi"),
            Map.entry("emp-cv", "Atelier CV"), Map.entry("for-orientation", "Bilan d'orientation"),
            Map.entry("for-e2c", "École 2e chance"), Map.entry("for-apprentissage", "Apprentissage"),
            Map.entry("log-adil", "Conseil logement"), Map.entry("log-fjt", "Foyer jeunes"),
            Map.entry("sante-mda", "Parler à quelqu'un"), Map.entry("sante-cegidd", "Dépistage, contraception"),
            Map.entry("mob-europe", "Partir en Europe"), Map.entry("mob-volontariat", "Volontariat européen"));

    private static final List<Offer> OFFERS = List.of(
            offer("emp-accueil", "emploi", "Un conseiller pour ta recherche", "Point de départ pour tout projet d'emploi",
                    "Mission locale du Lot", "Cahors, Figeac, Gourdon", 5, Map.of()),
            offer("emp-saison", "emploi", "Jobs d'été et saisonniers", "Des offres de saison dans le Lot",
                    "Info Jeunes Cahors", "Cahors", 3, Map.of("type-emploi", Set.of("saisonnier", "job-etudiant", "peu-importe"))),
            offer("emp-alternance", "emploi", "Trouver une alternance", "Rencontrer des employeurs qui recrutent en alternance",
                    "CCI du Lot", "Cahors", 7, Map.of("type-emploi", Set.of("emploi-formation", "peu-importe"))),
            offer("emp-permis", "emploi", "Permis et premier emploi", "Une aide pour passer le permis en cherchant un emploi",
                    "Mission locale du Lot", "Figeac", 4, Map.of("permis-b", Set.of("non"))),
            offer("emp-cv", "emploi", "Atelier CV et entretien", "Préparer ton CV et tes entretiens",
                    "France Travail Cahors", "Cahors", 2, Map.of()),
            offer("for-orientation", "formation", "Faire le point sur ton orientation", "Un entretien pour choisir ta voie",
                    "CIO de Cahors", "Cahors", 5, Map.of()),
            offer("for-e2c", "formation", "École de la deuxième chance", "Une formation pour reprendre pied, sans diplôme",
                    "E2C du Lot", "Figeac", 7, Map.of("diplome", Set.of("aucun", "brevet"))),
            offer("for-apprentissage", "formation", "Se former en apprentissage", "Trouver un CFA et un employeur",
                    "Chambre des métiers du Lot", "Cahors", 4, Map.of("projet-formation", Set.of("apprentissage", "ne-sait-pas"))),
            offer("log-adil", "logement", "Conseil logement", "Tes droits, les aides et comment chercher",
                    "ADIL du Lot", "Cahors", 3, Map.of()),
            offer("log-fjt", "logement", "Foyer de jeunes travailleurs", "Un logement meublé pour démarrer",
                    "Habitat Jeunes du Lot", "Cahors, Figeac", 2,
                    Map.of("urgence", Set.of("cette-semaine", "ce-mois-ci"))),
            offer("sante-mda", "sante", "Parler à quelqu'un", "Écoute gratuite et confidentielle pour les 12-25 ans",
                    "Maison des adolescents du Lot", "Cahors", 2, Map.of()),
            offer("sante-cegidd", "sante", "Dépistage et contraception", "Consultations gratuites et anonymes",
                    "Centre de santé sexuelle de Cahors", "Cahors", 3,
                    Map.of("besoin-sante", Set.of("sexualite-contraception"))),
            offer("mob-europe", "mobilite-internationale", "Partir en Europe", "Les programmes pour étudier, travailler ou être volontaire",
                    "Europe Direct Lot", "Cahors", 6, Map.of()),
            offer("mob-volontariat", "mobilite-internationale", "Corps européen de solidarité", "Un volontariat de 2 à 12 mois",
                    "Info Jeunes Cahors", "Cahors", 5, Map.of("projet-mobilite", Set.of("volontariat", "ne-sait-pas"))));

    private LotFixtures() {}

    private static Offer offer(String id, String theme, String title, String summary, String organisation, String place,
                               int delay, Map<String, Set<String>> criteria) {
        return new Offer(new OfferDetails(id, title, SHORT_TITLES.get(id), summary + ".", "org-" + organisation.hashCode(),
                organisation, place, delay), theme, summary, criteria);
    }

    public static OfferCatalog catalog() {
        return new OfferCatalog() {
            @Override
            public List<OfferSummary> match(MatchQuery query) {
                if (NO_HOUSING_COMMUNE.equals(query.communeInsee()) && "logement".equals(query.theme())) {
                    return List.of(); // nothing fits: the way forward is given instead
                }
                return OFFERS.stream()
                        .filter(o -> o.theme().equals(query.theme()) && TERRITORY.equals(query.territoryId()))
                        .filter(o -> o.criteria().entrySet().stream().allMatch(c -> !query.answers().containsKey(c.getKey())
                                || query.answers().get(c.getKey()).stream().anyMatch(c.getValue()::contains)))
                        .map(o -> new OfferSummary(o.details().id(), o.details().title(), o.details().shortTitle(),
                                o.summary(), o.details().organisationName(), o.details().contactDelayDays()))
                        .toList();
            }

            @Override
            public Optional<OfferDetails> offer(String offerId) {
                return OFFERS.stream().map(Offer::details).filter(d -> d.id().equals(offerId)).findFirst();
            }
        };
    }

    public static TerritoryDirectory territories() {
        return new TerritoryDirectory() {
            @Override
            public Optional<TerritoryView> openTerritoryFor(String communeInsee) {
                return communeInsee.startsWith("46") ? Optional.of(new TerritoryView(TERRITORY, "Boussole du Lot", List.of(
                        new ThemeRef("emploi", "Emploi"), new ThemeRef("formation", "Formation"),
                        new ThemeRef("logement", "Logement"), new ThemeRef("sante", "Santé"),
                        new ThemeRef("mobilite-internationale", "Partir à l'étranger")),
                        new InfoJeunesContact("le Point Info Jeunes de Cahors", "01 99 00 46 46", null, null,
                                "du lundi au vendredi, de 9 h à 17 h"))) : Optional.empty();
            }

            @Override
            public String departementName(String code) {
                return Map.of("46", "Lot", "71", "Saône-et-Loire", "06", "Alpes-Maritimes", "07", "Ardèche",
                        "12", "Aveyron", "82", "Tarn-et-Garonne").getOrDefault(code, code);
            }

            @Override
            public Optional<TerritoryView> territoryCovering(String territoryId, String communeInsee) {
                return TERRITORY.equals(territoryId) ? openTerritoryFor(communeInsee) : Optional.empty();
            }

            @Override
            public List<InfoJeunesContact> infoJeunesFor(Commune commune) {
                return List.of(new InfoJeunesContact("Info Jeunes (région " + commune.region() + ")", null, null,
                        "https://www.infojeunesfrance.org"));
            }

            @Override
            public Optional<InfoJeunesContact> infoJeunesIn(String territoryId, String communeInsee) {
                return TERRITORY.equals(territoryId)
                        ? Optional.of(new InfoJeunesContact("Info Jeunes Cahors", "05 65 00 00 01", null, null))
                        : Optional.empty();
            }

            @Override
            public Optional<PersonDesk> personDesk(String territoryId) {
                return TERRITORY.equals(territoryId) ? Optional.of(new PersonDesk(TERRITORY, "Info Jeunes Cahors",
                        OfficeHours.parse("lun-ven 09:00-12:30 13:30-17:00", ZoneId.of("Europe/Paris")),
                        Duration.ofHours(24))) : Optional.empty();
            }

            @Override
            public List<NationalService> nationalServices(String theme) {
                return switch (theme) {
                    case "logement" -> List.of(new NationalService("1jeune1solution", null, "1jeune1solution.gouv.fr"));
                    case "emploi" -> List.of(new NationalService("France Travail", "39 49", "francetravail.fr"));
                    default -> List.of();
                };
            }
        };
    }
}
