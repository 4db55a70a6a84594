package fr.boussole.store.storage;

import fr.boussole.store.account.Account;
import fr.boussole.store.funnel.FunnelMark;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.questionnaire.StoredQuestionnaire;
import fr.boussole.store.request.ContactRequest;
import fr.boussole.store.search.Search;
import fr.boussole.store.territory.Territory;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes declared on the documents at start-up, whatever Spring Data's
 * auto-index-creation setting, so that a fresh database is indexed before the first request.
 */
@Component
class StoreIndexes implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(StoreIndexes.class);
    private static final List<Class<?>> DOCUMENTS = List.of(Territory.class, Organisation.class, Account.class,
            fr.boussole.store.account.AccountInvitation.class,
            Offer.class, ContactRequest.class, Search.class, StoredQuestionnaire.class, FunnelMark.class);

    private final MongoTemplate mongo;

    StoreIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var resolver = new MongoPersistentEntityIndexResolver(mongo.getConverter().getMappingContext());
        int created = 0;
        for (Class<?> document : DOCUMENTS) {
            var entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(document);
            for (var holder : resolver.resolveIndexForEntity(entity)) {
                mongo.indexOps(document).createIndex(holder.getIndexDefinition());
                created++;
            }
        }
        log.info("Offer store: {} indexes ensured", created);
    }
}
