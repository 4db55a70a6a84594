package fr.boussole.console.inbox;

import fr.boussole.console.audit.AuditAction;
import fr.boussole.console.audit.AuditLog;
import fr.boussole.console.web.NotFound;
import fr.boussole.console.security.ConsoleUser;
import fr.boussole.core.handover.ConversationTranscripts;
import fr.boussole.core.handover.OfficeHours;
import fr.boussole.core.handover.PersonDesk;
import fr.boussole.store.handover.Handover;
import fr.boussole.store.handover.HandoverInbox;
import fr.boussole.store.directory.StoreTerritoryDirectory;
import fr.boussole.store.territory.Territories;
import fr.boussole.store.territory.Territory;
import jakarta.validation.Valid;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The inbox of conversations handed to a person ({@code /console/conversations}): the territory's
 * list, one conversation with what was said, and the three things a person does there. Each opening
 * of a conversation and each act is in the audit log. A person is shown to the young person by their
 * first name only.
 */
@Controller
class InboxController {

    static final String LIST = "console/inbox";
    static final String PAGE = "console/conversation";
    /** The messages of a conversation shown to the person who answers it. */
    static final int TRANSCRIPT_LINES = 60;

    private final InboxAccess access;
    private final HandoverInbox inbox;
    private final ObjectProvider<ConversationTranscripts> transcripts;
    private final Territories territories;
    private final StoreTerritoryDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    InboxController(InboxAccess access, HandoverInbox inbox, ObjectProvider<ConversationTranscripts> transcripts,
                    Territories territories, StoreTerritoryDirectory directory, AuditLog audit, Clock clock) {
        this.access = access;
        this.inbox = inbox;
        this.transcripts = transcripts;
        this.territories = territories;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/console/conversations")
    String list(@AuthenticationPrincipal ConsoleUser user, Model model) {
        Optional<String> territory = access.territoryOf(user);
        model.addAttribute("user", user);
        model.addAttribute("answers", territory.isPresent());
        model.addAttribute("handovers", territory.map(t -> inbox.ofTerritory(t, 50)).orElse(List.of()));
        territory.flatMap(territories::findById).ifPresent(t -> {
            PersonDesk desk = directory.desk(t);
            model.addAttribute("desk", desk);
            model.addAttribute("openNow", desk.hours().openAt(clock.instant()));
            if (!model.containsAttribute("deskForm")) {
                model.addAttribute("deskForm", new DeskForm(desk.hours().text(), (int) desk.quietFor().toHours()));
            }
        });
        model.addAttribute("runsTheDesk", access.runsTheDesk(user));
        return LIST;
    }

    @GetMapping("/console/conversations/{id}")
    String page(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id, Model model) {
        Handover handover = access.open(user, id);
        audit.record(handover.getTerritoryId(), user.organisationId(), user.accountId(), AuditAction.CONVERSATION_VIEWED, id);
        inbox.read(id);
        fill(model, user, handover, ReplyForm.blank());
        return PAGE;
    }

    @PostMapping("/console/conversations/{id}/prendre")
    String take(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id) {
        Handover handover = openForActs(user, id);
        inbox.take(id, user.accountId(), firstName(user));
        audit.record(handover.getTerritoryId(), user.organisationId(), user.accountId(), AuditAction.CONVERSATION_TAKEN, id);
        return "redirect:/console/conversations/" + id;
    }

    @PostMapping("/console/conversations/{id}/repondre")
    String reply(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id,
                 @Valid @ModelAttribute("form") ReplyForm form, BindingResult errors, Model model) {
        Handover handover = openForActs(user, id);
        if (errors.hasErrors()) {
            fill(model, user, handover, form);
            return PAGE;
        }
        inbox.reply(id, user.accountId(), firstName(user), form.text().strip(), form.inputId());
        audit.record(handover.getTerritoryId(), user.organisationId(), user.accountId(), AuditAction.CONVERSATION_REPLIED, id);
        return "redirect:/console/conversations/" + id + "?envoye";
    }

    @PostMapping("/console/conversations/{id}/rendre")
    String handBack(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id) {
        Handover handover = openForActs(user, id);
        inbox.handBack(id, firstName(user));
        audit.record(handover.getTerritoryId(), user.organisationId(), user.accountId(), AuditAction.CONVERSATION_RETURNED, id);
        return "redirect:/console/conversations";
    }

    /** The desk's office hours and quiet time: the territory's animateurs only. */
    @PostMapping("/console/conversations/horaires")
    String desk(@AuthenticationPrincipal ConsoleUser user, @Valid @ModelAttribute("deskForm") DeskForm form,
                BindingResult errors, Model model) {
        Optional<String> territoryId = access.territoryOf(user).filter(t -> access.runsTheDesk(user));
        Territory territory = territoryId.flatMap(territories::findById).orElseThrow(NotFound::new);
        if (!errors.hasErrors()) {
            try {
                OfficeHours.parse(form.hours(), OfficeHours.DEFAULT.zone());
            } catch (IllegalArgumentException wrong) {
                errors.rejectValue("hours", "desk.hours", wrong.getMessage());
            }
        }
        if (errors.hasErrors()) {
            model.addAttribute("deskError", true);
            return list(user, model);
        }
        territory.setDeskHours(OfficeHours.parse(form.hours(), OfficeHours.DEFAULT.zone()).text());
        territory.setDeskQuietFor(Duration.ofHours(form.quietHours()));
        territory.setUpdatedAt(clock.instant());
        territories.save(territory);
        audit.record(territory.getId(), null, user.accountId(), AuditAction.DESK_HOURS_CHANGED, territory.getId());
        return "redirect:/console/conversations?horaires";
    }

    /** A conversation a person may still act in: handed back or taken back by the bot, it is read only. */
    private Handover openForActs(ConsoleUser user, String id) {
        Handover handover = access.open(user, id);
        if (!handover.open()) {
            throw new ConversationOver();
        }
        return handover;
    }

    private void fill(Model model, ConsoleUser user, Handover handover, ReplyForm form) {
        model.addAttribute("user", user);
        model.addAttribute("handover", handover);
        model.addAttribute("form", form);
        ConversationTranscripts source = transcripts.getIfAvailable();
        model.addAttribute("transcript", source == null ? List.of()
                : source.recent(handover.conversation(), TRANSCRIPT_LINES));
        model.addAttribute("transcriptAvailable", source != null);
        territories.findById(handover.getTerritoryId()).map(directory::desk).ifPresent(desk -> {
            model.addAttribute("desk", desk);
            model.addAttribute("openNow", desk.hours().openAt(clock.instant()));
        });
        model.addAttribute("channel", handover.getChannel().name());
    }

    /**
     * How the young person is told who writes: the first word of the account's display name (an
     * account without one: the first word of its email, never the email itself).
     */
    static String firstName(ConsoleUser user) {
        String name = user.displayName() == null ? "" : user.displayName().strip();
        if (name.isEmpty()) {
            name = user.email().substring(0, Math.max(0, user.email().indexOf('@'))).replace('.', ' ').strip();
        }
        String first = name.split("\\s+")[0];
        return first.isEmpty() ? first : Character.toUpperCase(first.charAt(0)) + first.substring(1);
    }
}
