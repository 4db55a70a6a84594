package fr.boussole.console.storage;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

/**
 * The console's own collections (alert links, login throttling, reminder marks): its repositories are
 * enabled here because the application's auto-configured scan starts from the app's package only.
 */
@Configuration(proxyBeanMethods = false)
@EnableMongoRepositories(basePackages = "fr.boussole.console")
class ConsoleRepositories {}
