package fr.boussole.store.handover;

import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A conversation a young person asked a person to answer. Its id is derived from the message that
 * asked, so that recording it twice yields one. The conversation's address is personal data: sealed
 * at rest ({@link HandoverSealing}), found through its lookup key.
 */
@Document("handovers")
public class Handover {

    @Id
    private String id;
    @Indexed
    private String territoryId;
    private Channel channel;
    private String conversationAddress;
    @Indexed
    private String conversationLookup;
    @Indexed
    private HandoverStatus status = HandoverStatus.WAITING;
    /** {@code asked}, or {@code not-understood}. */
    private String reason;
    private Instant openedAt;
    private Instant lastYoungMessageAt;
    private Instant lastPersonMessageAt;
    /** The young person wrote since a person last answered or read. */
    private boolean unread;
    private String takenBy;
    private String takenByName;
    private Instant takenAt;
    private Instant endedAt;
    /** {@code returned} (by a person), {@code quiet-time}, {@code stop}, {@code erase}, {@code restart}, {@code replaced}. */
    private String endReason;
    @Version
    private Long version;

    protected Handover() {}

    static Handover open(String id, ConversationKey conversation, String territoryId, String reason, Instant at) {
        Handover handover = new Handover();
        handover.id = id;
        handover.channel = conversation.channel();
        handover.conversationAddress = conversation.address();
        handover.territoryId = territoryId;
        handover.reason = reason;
        handover.openedAt = at;
        handover.lastYoungMessageAt = at;
        handover.unread = true;
        return handover;
    }

    void heard(Instant at) {
        if (lastYoungMessageAt == null || at.isAfter(lastYoungMessageAt)) {
            lastYoungMessageAt = at;
        }
        unread = true;
    }

    void takenBy(String accountId, String name, Instant at) {
        if (status == HandoverStatus.WAITING || takenBy == null) {
            takenAt = at;
        }
        status = HandoverStatus.HELD;
        takenBy = accountId;
        takenByName = name;
    }

    void answered(Instant at) {
        lastPersonMessageAt = at;
        unread = false;
    }

    void read() {
        unread = false;
    }

    void end(String why, Instant at) {
        if (status != HandoverStatus.ENDED) {
            status = HandoverStatus.ENDED;
            endReason = why;
            endedAt = at;
            unread = false;
        }
    }

    public boolean open() {
        return status != HandoverStatus.ENDED;
    }

    public ConversationKey conversation() {
        return new ConversationKey(channel, conversationAddress);
    }

    public String getId() { return id; }
    public String getTerritoryId() { return territoryId; }
    public Channel getChannel() { return channel; }
    public String getConversationAddress() { return conversationAddress; }
    public HandoverStatus getStatus() { return status; }
    public String getReason() { return reason; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getLastYoungMessageAt() { return lastYoungMessageAt; }
    public Instant getLastPersonMessageAt() { return lastPersonMessageAt; }
    public boolean isUnread() { return unread; }
    public String getTakenBy() { return takenBy; }
    public String getTakenByName() { return takenByName; }
    public Instant getTakenAt() { return takenAt; }
    public Instant getEndedAt() { return endedAt; }
    public String getEndReason() { return endReason; }
    public Long getVersion() { return version; }
}
