package fr.boussole.store.questionnaire;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The stored questionnaires; change them through {@link TerritoryQuestionnaires}, which keeps the rules. */
public interface StoredQuestionnaires extends MongoRepository<StoredQuestionnaire, String> {

    List<StoredQuestionnaire> findByTerritoryIdAndThemeAndStateOrderByVersionDesc(String territoryId, String theme,
                                                                                  StoredQuestionnaire.State state);

    Optional<StoredQuestionnaire> findFirstByTerritoryIdAndThemeAndStateOrderByVersionDesc(
            String territoryId, String theme, StoredQuestionnaire.State state);

    List<StoredQuestionnaire> findByTerritoryId(String territoryId);
}
