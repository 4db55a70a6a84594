package fr.boussole.console.offers;

import fr.boussole.console.audit.AuditAction;
import fr.boussole.console.audit.AuditLog;
import fr.boussole.console.web.NotFound;
import fr.boussole.console.security.ConsoleUser;
import fr.boussole.store.offer.OfferBook;
import fr.boussole.store.offer.OfferView;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;

/** A professional's offers: list, create, edit, archive. Only offers of their own organisation. */
@Controller
class OffersController {

    static final String LIST = "console/offers";
    static final String FORM = "console/offer-form";

    private final OfferBook offers;
    private final OfferCriteria criteria;
    private final AuditLog audit;
    private final Clock clock;

    OffersController(OfferBook offers, OfferCriteria criteria, AuditLog audit, Clock clock) {
        this.offers = offers;
        this.criteria = criteria;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/console/offres")
    String list(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("offers", !user.professional() || user.organisationId() == null ? java.util.List.of()
                : offers.ofOrganisation(user.organisationId()).stream()
                .sorted(Comparator.comparing(OfferView::status).thenComparing(OfferView::title)).toList());
        model.addAttribute("today", LocalDate.now(clock));
        return LIST;
    }

    @GetMapping("/console/offres/nouvelle")
    String createForm(@AuthenticationPrincipal ConsoleUser user, Model model) {
        own(user);
        return form(model, user, OfferForm.blank(), null);
    }

    @PostMapping("/console/offres/nouvelle")
    String create(@AuthenticationPrincipal ConsoleUser user, @Valid @ModelAttribute("form") OfferForm form,
                  BindingResult errors, Model model) {
        String organisationId = own(user);
        var chosen = criteria.read(user.territoryId(), form.theme(), form.criteria(), Map.of());
        if (errors.hasErrors() || chosen.isEmpty()) {
            model.addAttribute("criteriaRefused", chosen.isEmpty());
            return form(model, user, form, null);
        }
        String id = offers.create(organisationId, form.toEdit(), chosen.get(), user.accountId());
        audit.record(user.territoryId(), organisationId, user.accountId(), AuditAction.OFFER_CREATED, id);
        return "redirect:/console/offres?enregistree";
    }

    @GetMapping("/console/offres/{id}")
    String editForm(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id, Model model) {
        OfferView offer = mine(user, id);
        return form(model, user, OfferForm.of(offer, offers.criteria(offer.id())), offer);
    }

    @PostMapping("/console/offres/{id}")
    String update(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id,
                  @Valid @ModelAttribute("form") OfferForm form, BindingResult errors, Model model) {
        OfferView offer = mine(user, id);
        var chosen = criteria.read(user.territoryId(), form.theme(), form.criteria(), offers.criteria(offer.id()));
        if (errors.hasErrors() || chosen.isEmpty()) {
            model.addAttribute("criteriaRefused", chosen.isEmpty());
            return form(model, user, form, offer);
        }
        offers.update(offer.id(), form.toEdit(), chosen.get(), user.accountId());
        audit.record(user.territoryId(), offer.organisationId(), user.accountId(), AuditAction.OFFER_UPDATED, offer.id());
        return "redirect:/console/offres?enregistree";
    }

    @PostMapping("/console/offres/{id}/archiver")
    String archive(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id) {
        OfferView offer = mine(user, id);
        offers.archive(offer.id(), user.accountId());
        audit.record(user.territoryId(), offer.organisationId(), user.accountId(), AuditAction.OFFER_ARCHIVED, offer.id());
        return "redirect:/console/offres?archivee";
    }

    private String form(Model model, ConsoleUser user, OfferForm form, OfferView offer) {
        model.addAttribute("user", user);
        model.addAttribute("form", form);
        model.addAttribute("offer", offer);
        model.addAttribute("themes", OfferForm.THEMES);
        model.addAttribute("criteria", criteria.choices(user.territoryId(), OfferForm.THEMES, form.theme(), form.criteria(),
                offer == null ? Map.of() : offers.criteria(offer.id())));
        return FORM;
    }

    /** The user's organisation; only professionals edit offers here. */
    private static String own(ConsoleUser user) {
        if (!user.professional() || user.organisationId() == null) {
            throw new NotFound();
        }
        return user.organisationId();
    }

    private OfferView mine(ConsoleUser user, String id) {
        String organisationId = own(user);
        return offers.find(id).filter(o -> organisationId.equals(o.organisationId())).orElseThrow(NotFound::new);
    }
}
