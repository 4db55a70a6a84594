package fr.boussole.store.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A structure that offers services to young people and commits to contact them within a delay. */
@Document("organisations")
public class Organisation {

    @Id
    private String id;
    private String name;
    private OrganisationType type;
    private String address;
    private String website;
    private List<OrganisationContact> contacts = new ArrayList<>();
    private Competence competence = Competence.national();
    /** The territory that brought it in, if any: used by the console to list a territory's organisations. */
    @Indexed
    private String territoryId;
    private LocalDate charterSignedOn;
    @Indexed
    private boolean active = true;
    private Instant updatedAt;
    @Version
    private Long version;

    protected Organisation() {}

    public Organisation(String id, String name, OrganisationType type, Competence competence) {
        this.id = id;
        this.name = name;
        this.type = type;
        this.competence = competence;
    }

    /** The addresses to email when a request reaches this organisation. */
    public List<String> alertEmails() {
        return contacts.stream().filter(OrganisationContact::alerts).map(OrganisationContact::email)
                .filter(e -> e != null && !e.isBlank()).toList();
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public OrganisationType getType() { return type; }
    public void setType(OrganisationType type) { this.type = type; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
    public List<OrganisationContact> getContacts() { return contacts; }
    public void setContacts(List<OrganisationContact> contacts) { this.contacts = new ArrayList<>(contacts); }
    public Competence getCompetence() { return competence; }
    public void setCompetence(Competence competence) { this.competence = competence; }
    public String getTerritoryId() { return territoryId; }
    public void setTerritoryId(String territoryId) { this.territoryId = territoryId; }
    public LocalDate getCharterSignedOn() { return charterSignedOn; }
    public void setCharterSignedOn(LocalDate charterSignedOn) { this.charterSignedOn = charterSignedOn; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public Long getVersion() { return version; }
}
