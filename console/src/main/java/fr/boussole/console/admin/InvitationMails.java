package fr.boussole.console.admin;

import fr.boussole.console.security.ConsoleUser;
import fr.boussole.core.settings.PublicBaseUrl;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.Outbox;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.ids.Tokens;
import fr.boussole.core.message.Channel;
import fr.boussole.store.account.AccountService;
import fr.boussole.store.account.InvitationSettings;
import fr.boussole.store.mail.MailTemplates;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Emails the set-password link of a new or re-invited account, through the outbox (sent once, even
 * across a crash: the outbox id derives from the token). The link is in the email only: the person who
 * invites never sees it, so no one can choose another person's password.
 */
@Component
public class InvitationMails {

    private final MailTemplates templates = new MailTemplates("templates/console/mail/", "console-messages");
    private final Outbox outbox;
    private final PublicBaseUrl publicBaseUrl;
    private final InvitationSettings validity;

    InvitationMails(Outbox outbox, PublicBaseUrl publicBaseUrl, InvitationSettings validity) {
        this.outbox = outbox;
        this.publicBaseUrl = publicBaseUrl;
        this.validity = validity;
    }

    /** The absolute link of an invitation token. */
    public String link(String token) {
        return publicBaseUrl.of(InvitationController.PATH + token);
    }

    void send(AccountService.Invited invited, ConsoleUser inviter, String where) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("name", invited.account().displayName());
        variables.put("email", invited.account().email());
        variables.put("inviter", inviter.displayName());
        variables.put("role", invited.account().role().name());
        variables.put("where", where);
        variables.put("link", link(invited.token()));
        variables.put("days", Math.max(1, validity.invitationValidity().toDays()));
        var mail = templates.render("invitation", variables);
        outbox.enqueue(new Delivery(Ids.derived("ob", "invitation", Tokens.hash(invited.token())), Channel.EMAIL,
                invited.account().email(), null, 0, 1, mail));
    }
}
