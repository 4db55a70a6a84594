package fr.boussole.console.alert;

import java.util.List;

/** Who gets alerts: the alert contacts of an organisation, the animateurs of a territory. */
public interface AlertRecipients {

    List<String> alertContactsOf(String organisationId);

    List<String> animateursOf(String territoryId);
}
