package fr.boussole.store.search;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One anonymous search: where, which theme, how many offers were found, when. No personal data. */
@Document("searches")
public class Search {

    @Id
    private String id;
    private String communeInsee;
    @Indexed
    private String territoryId;
    private String theme;
    private int offersFound;
    @Indexed
    private Instant at;

    protected Search() {}

    public Search(String id, String communeInsee, String territoryId, String theme, int offersFound, Instant at) {
        this.id = id;
        this.communeInsee = communeInsee;
        this.territoryId = territoryId;
        this.theme = theme;
        this.offersFound = offersFound;
        this.at = at;
    }

    public String getId() { return id; }
    public String getCommuneInsee() { return communeInsee; }
    public String getTerritoryId() { return territoryId; }
    public String getTheme() { return theme; }
    public int getOffersFound() { return offersFound; }
    public Instant getAt() { return at; }
}
