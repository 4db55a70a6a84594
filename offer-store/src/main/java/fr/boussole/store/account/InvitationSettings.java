package fr.boussole.store.account;

import fr.boussole.core.settings.InvalidSettingException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param invitationValidity how long a set-password link works ({@code BOUSSOLE_STORE_INVITATION_VALIDITY}): the
 *                           link of an invitation and the one {@code --create-admin} prints
 */
@ConfigurationProperties("boussole.store")
public record InvitationSettings(@DefaultValue("7d") Duration invitationValidity) {

    public InvitationSettings {
        if (invitationValidity == null || invitationValidity.isNegative() || invitationValidity.isZero()) {
            throw InvalidSettingException.ofProperty("boussole.store.invitation-validity", "must be a positive duration (7d), not " + invitationValidity);
        }
    }
}
