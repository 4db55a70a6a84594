package fr.boussole.store.offer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An offer of service. Its scope is its own list of communes when it has one, else its
 * organisation's competence. {@code ref} is the stable key of spreadsheets (CSV import/export).
 */
@Document("offers")
@CompoundIndex(name = "theme_status", def = "{'theme': 1, 'status': 1}")
public class Offer {

    public static final int MIN_DELAY_DAYS = 1;
    public static final int MAX_DELAY_DAYS = 7;

    @Id
    private String id;
    @Indexed(unique = true, sparse = true)
    private String ref;
    private String title;
    /** At most {@link fr.boussole.core.offer.OfferSummary#SHORT_TITLE_MAX} characters: lists and buttons show it. */
    private String shortTitle;
    private String description;
    private String theme;
    private String subTheme;
    @Indexed
    private String organisationId;
    private String place;
    /** INSEE codes; empty: the organisation's competence applies. */
    private List<String> communes = new ArrayList<>();
    private List<Criterion> criteria = new ArrayList<>();
    private Integer ageMin;
    private Integer ageMax;
    private int contactDelayDays = MAX_DELAY_DAYS;
    private LocalDate validFrom;
    private LocalDate validUntil;
    @Indexed
    private OfferStatus status = OfferStatus.DRAFT;
    private String updatedBy;
    private Instant updatedAt;
    @Version
    private Long version;

    protected Offer() {}

    public Offer(String id, String organisationId, String theme, String title) {
        this.id = id;
        this.organisationId = organisationId;
        this.theme = theme;
        this.title = title;
    }

    /** Records who changed the offer and when; call before saving an edit. */
    public void touch(String by, Instant at) {
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public boolean isValidOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validUntil == null || !day.isAfter(validUntil));
    }

    public String getId() { return id; }
    public String getRef() { return ref; }
    public void setRef(String ref) { this.ref = ref; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getShortTitle() { return shortTitle; }
    public void setShortTitle(String shortTitle) { this.shortTitle = shortTitle; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getTheme() { return theme; }
    public void setTheme(String theme) { this.theme = theme; }
    public String getSubTheme() { return subTheme; }
    public void setSubTheme(String subTheme) { this.subTheme = subTheme; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public List<String> getCommunes() { return communes; }
    public void setCommunes(List<String> communes) { this.communes = new ArrayList<>(communes); }
    public List<Criterion> getCriteria() { return criteria; }
    public void setCriteria(List<Criterion> criteria) { this.criteria = new ArrayList<>(criteria); }
    public Integer getAgeMin() { return ageMin; }
    public void setAgeMin(Integer ageMin) { this.ageMin = ageMin; }
    public Integer getAgeMax() { return ageMax; }
    public void setAgeMax(Integer ageMax) { this.ageMax = ageMax; }
    public int getContactDelayDays() { return contactDelayDays; }
    public void setContactDelayDays(int contactDelayDays) {
        if (contactDelayDays < MIN_DELAY_DAYS || contactDelayDays > MAX_DELAY_DAYS) {
            throw new IllegalArgumentException("the contact delay must be between 1 and 7 days");
        }
        this.contactDelayDays = contactDelayDays;
    }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
    public LocalDate getValidUntil() { return validUntil; }
    public void setValidUntil(LocalDate validUntil) { this.validUntil = validUntil; }
    public OfferStatus getStatus() { return status; }
    public void setStatus(OfferStatus status) { this.status = status; }
    public String getUpdatedBy() { return updatedBy; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Long getVersion() { return version; }
}
