package fr.boussole.store.organisation;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The organisations. */
public interface Organisations extends MongoRepository<Organisation, String> {

    List<Organisation> findByTerritoryId(String territoryId);
}
