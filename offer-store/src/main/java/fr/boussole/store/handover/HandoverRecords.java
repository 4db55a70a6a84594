package fr.boussole.store.handover;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.Collection;
import java.util.List;

/** The stored handovers (named so to leave {@code Handovers} to the bot-core port). */
public interface HandoverRecords extends MongoRepository<Handover, String> {

    List<Handover> findByTerritoryIdOrderByOpenedAtDesc(String territoryId);

    List<Handover> findByConversationLookupAndStatusIn(String conversationLookup, Collection<HandoverStatus> statuses);

    List<Handover> findByConversationLookup(String conversationLookup);
}
