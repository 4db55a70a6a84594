package fr.boussole.console.alert;

import org.springframework.data.repository.CrudRepository;

/** The alert links, by token hash. */
public interface AlertLinks extends CrudRepository<AlertLink, String> {}
