package fr.boussole.store.funnel;

import java.time.Instant;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The funnel's marks; counted by {@link FunnelReport}. */
public interface FunnelMarks extends MongoRepository<FunnelMark, String> {

    long deleteByAtBefore(Instant before);
}
