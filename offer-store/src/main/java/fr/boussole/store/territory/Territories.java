package fr.boussole.store.territory;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The territories. */
public interface Territories extends MongoRepository<Territory, String> {

    List<Territory> findByCommunesContaining(String communeInsee);

    List<Territory> findByStatus(TerritoryStatus status);
}
