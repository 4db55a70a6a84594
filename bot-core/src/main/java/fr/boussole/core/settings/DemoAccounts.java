package fr.boussole.core.settings;

import java.util.List;

/**
 * The demo data set's accounts as the store holds them: a start-up check refuses an app reached off
 * loopback while one of them still signs in with the password the README publishes.
 */
public interface DemoAccounts {

    /** The emails of the demo accounts present in the store that sign in with {@code password}. */
    List<String> signingInWith(String password);
}
