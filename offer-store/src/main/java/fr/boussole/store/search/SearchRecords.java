package fr.boussole.store.search;

import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The stored searches (the recorder the pipeline calls is {@link Searches}). */
public interface SearchRecords extends MongoRepository<Search, String> {

    List<Search> findByTerritoryIdAndAtBetween(String territoryId, Instant from, Instant to);

    long deleteByAtBefore(Instant before);
}
