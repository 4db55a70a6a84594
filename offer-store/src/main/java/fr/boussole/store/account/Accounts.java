package fr.boussole.store.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The console accounts. Emails are stored lower-case: look them up lower-cased. */
public interface Accounts extends MongoRepository<Account, String> {

    Optional<Account> findByEmail(String email);

    List<Account> findByOrganisationId(String organisationId);

    List<Account> findByTerritoryId(String territoryId);
}
