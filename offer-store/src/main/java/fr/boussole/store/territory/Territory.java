package fr.boussole.store.territory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A Boussole: a named set of communes where local organisations answer young people on some themes. */
@Document("territories")
public class Territory {

    @Id
    private String id;
    private String name;
    /** What the communes were drawn from (departments, intercommunalities, a list); null for older territories. */
    private Composition composition;
    /** INSEE codes of the communes covered. */
    @Indexed
    private List<String> communes = new ArrayList<>();
    /** Theme ids open on this territory. */
    private List<String> activeThemes = new ArrayList<>();
    /** Account ids of the animateurs who run it. */
    private List<String> animateurIds = new ArrayList<>();
    @Indexed
    private TerritoryStatus status = TerritoryStatus.IN_PREPARATION;
    /** Shown to young people of the area who live outside the territory. */
    private List<InfoJeunesEntry> infoJeunes = new ArrayList<>();
    /** The person to talk to, for young people of the territory; may be null. */
    private TerritoryContact contact;
    /**
     * When someone reads the console's inbox of conversations handed to a person, as
     * {@code core.handover.OfficeHours} writes them ({@code lun-ven 09:00-17:00}); null: that default.
     */
    private String deskHours;
    /** How long the bot stays quiet after a person's last word before taking a conversation back; null: a day. */
    private Duration deskQuietFor;
    private Instant updatedAt;
    @Version
    private Long version;

    protected Territory() {}

    public Territory(String id, String name, TerritoryStatus status) {
        this.id = id;
        this.name = name;
        this.status = status;
    }

    public boolean isOpen() {
        return status == TerritoryStatus.OPEN;
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Composition getComposition() { return composition; }
    public void setComposition(Composition composition) { this.composition = composition; }
    public List<String> getCommunes() { return communes; }
    public void setCommunes(List<String> communes) { this.communes = new ArrayList<>(communes); }
    public List<String> getActiveThemes() { return activeThemes; }
    public void setActiveThemes(List<String> activeThemes) { this.activeThemes = new ArrayList<>(activeThemes); }
    public List<String> getAnimateurIds() { return animateurIds; }
    public void setAnimateurIds(List<String> animateurIds) { this.animateurIds = new ArrayList<>(animateurIds); }
    public TerritoryStatus getStatus() { return status; }
    public void setStatus(TerritoryStatus status) { this.status = status; }
    public TerritoryContact getContact() { return contact; }
    public void setContact(TerritoryContact contact) { this.contact = contact; }
    public List<InfoJeunesEntry> getInfoJeunes() { return infoJeunes; }
    public void setInfoJeunes(List<InfoJeunesEntry> infoJeunes) { this.infoJeunes = new ArrayList<>(infoJeunes); }
    public String getDeskHours() { return deskHours; }
    public void setDeskHours(String deskHours) { this.deskHours = deskHours; }
    public Duration getDeskQuietFor() { return deskQuietFor; }
    public void setDeskQuietFor(Duration deskQuietFor) { this.deskQuietFor = deskQuietFor; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public Long getVersion() { return version; }
}
