package fr.boussole.store.theme;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The themes. */
public interface Themes extends MongoRepository<Theme, String> {

    List<Theme> findAllByOrderByPositionAsc();
}
