package fr.boussole.store.promise;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The reminders already handed to the outbox. */
@Component
class ReminderMarks {

    private final MongoTemplate mongo;
    private final MarkLists lists;

    ReminderMarks(MongoTemplate mongo, MarkLists lists) {
        this.mongo = mongo;
        this.lists = lists;
    }

    boolean existsById(String deliveryId) {
        return mongo.findById(deliveryId, ReminderMark.class) != null;
    }

    void save(ReminderMark mark) {
        // listed for the retention job first: a crash in between lists a mark not made, never a mark unlisted
        lists.list(MarkLists.REMINDERS, java.util.List.of(mark.deliveryId()), mark.at());
        mongo.save(mark);
    }
}
