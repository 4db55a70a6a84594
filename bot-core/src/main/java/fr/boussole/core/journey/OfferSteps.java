package fr.boussole.core.journey;

import fr.boussole.core.language.Intent;
import fr.boussole.core.message.Choice;
import fr.boussole.core.offer.OfferSummary;

import java.util.List;
import java.util.Optional;

/** The matching offers page by page, an offer's details and the question "do you want to be contacted?". */
final class OfferSteps extends TurnSteps {

    OfferSteps(TurnContext turn) {
        super(turn);
    }

    void offersTurn() {
        List<OfferSummary> matching = offers.matching(session, now);
        int page = Math.min(session.page(), offers.pageCount(matching.size()) - 1);
        List<Choice> choices = matching.isEmpty()
                ? List.of(new Choice(OfferPages.OTHER_THEME, texts.text("offers.other-theme")))
                : offers.choices(matching, page);
        Optional<Choice> chosen = reader.chosen(inbound, choices);
        boolean more = chosen.map(c -> c.id().equals(OfferPages.MORE)).orElse(false)
                || (chosen.isEmpty() && inbound.choiceId() == null
                    && ports.understanding().intentOf(inbound.text()) == Intent.MORE);
        if (more) {
            if (page + 1 < offers.pageCount(matching.size())) {
                session.page(page + 1);
                session.reasks(0);
                turn.say(turn.prompt());
            } else {
                session.page(0);
                turn.say(TurnContext.prefixed(texts.text("offers.no-more"), turn.prompt()));
            }
        } else if (chosen.isPresent() && chosen.get().id().equals(OfferPages.OTHER_THEME)) {
            session.clearAnswers();
            turn.enter(Phase.THEME, null, null);
        } else if (chosen.isPresent() && chosen.get().id().startsWith(OfferPages.OFFER_PREFIX)) {
            String offerId = chosen.get().id().substring(OfferPages.OFFER_PREFIX.length());
            if (ports.catalog().offer(offerId).isEmpty()) {
                turn.say(TurnContext.prefixed(texts.text("offer.gone"), turn.prompt()));
                return;
            }
            session.offerId(offerId);
            turn.enter(Phase.WANTS_CONTACT, null, null);
        } else {
            turn.reask("reask.choice", "easier.choice");
        }
    }

    void wantsContact() {
        Optional<Boolean> yes = reader.yesOrNo(inbound);
        if (ports.catalog().offer(session.offerId()).isEmpty()) {
            turn.enter(Phase.OFFERS, null, null);
        } else if (yes.isEmpty()) {
            turn.reask("reask.yes-no", "easier.choice");
        } else if (yes.get()) {
            turn.enter(Phase.CONTACT_METHOD, null, null);
        } else {
            turn.enter(Phase.OFFERS, null, texts.text("contact.not-now"));
        }
    }

    void done() {
        Optional<Choice> chosen = reader.chosen(inbound, turn.prompt().choices());
        if (chosen.isPresent() && chosen.get().id().equals(Prompts.OTHER_OFFERS)) {
            session.contact(null, null);
            turn.showOffers(false, null);
        } else {
            turn.say(turn.prompt());
        }
    }
}
