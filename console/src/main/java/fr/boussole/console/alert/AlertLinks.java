package fr.boussole.console.alert;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The alert links, by token hash. Plain {@link MongoTemplate}: the console declares no Spring Data
 * repository, so it needs no repository scanning of its own and cannot clash with the app's.
 */
@Component
public class AlertLinks {

    private final MongoTemplate mongo;

    AlertLinks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void save(AlertLink link) {
        mongo.save(link);
    }

    public Optional<AlertLink> findById(String tokenHash) {
        return Optional.ofNullable(mongo.findById(tokenHash, AlertLink.class));
    }
}
