package fr.boussole.store.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param invitationValidity how long a set-password link works ({@code BOUSSOLE_INVITATION_VALIDITY}): the
 *                           link of an invitation and the one {@code --create-admin} prints
 */
@ConfigurationProperties("boussole")
public record InvitationSettings(@DefaultValue("7d") Duration invitationValidity) {

    public InvitationSettings {
        if (invitationValidity == null || invitationValidity.isNegative() || invitationValidity.isZero()) {
            throw new IllegalArgumentException("BOUSSOLE_INVITATION_VALIDITY must be a positive duration, got "
                    + invitationValidity);
        }
    }
}
