package fr.boussole.console.security;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Failed sign-in counts, by email. */
@Component
class LoginThrottles {

    private final MongoTemplate mongo;

    LoginThrottles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<LoginThrottle> findById(String email) {
        return Optional.ofNullable(mongo.findById(email, LoginThrottle.class));
    }

    void save(LoginThrottle throttle) {
        mongo.save(throttle);
    }

    void deleteById(String email) {
        mongo.remove(new Query(Criteria.where("_id").is(email)), LoginThrottle.class);
    }
}
