package fr.boussole.core.journey;

import fr.boussole.core.language.Intent;
import fr.boussole.core.message.Choice;
import fr.boussole.core.offer.OfferSummary;

import java.util.List;
import java.util.Optional;

/** The matching offers page by page, an offer's details and the question "do you want to be contacted?". */
final class OfferSteps {

    private final TurnContext turn;

    OfferSteps(TurnContext turn) {
        this.turn = turn;
    }

    void offersTurn() {
        OfferPages offers = turn.offers;
        List<OfferSummary> matching = offers.matching(turn.state(), turn.now);
        int page = Math.min(turn.state().search().page(), offers.pageCount(matching.size()) - 1);
        List<Choice> choices = matching.isEmpty()
                ? List.of(new Choice(OfferPages.OTHER_THEME, turn.texts.text("offers.other-theme")))
                : offers.choices(matching, page);
        Optional<Choice> chosen = turn.reader.chosen(turn.inbound, choices);
        boolean more = chosen.map(c -> c.id().equals(OfferPages.MORE)).orElse(false)
                || (chosen.isEmpty() && turn.inbound.choiceId() == null
                    && turn.ports.understanding().intentOf(turn.inbound.text()) == Intent.MORE);
        if (more) {
            if (page + 1 < offers.pageCount(matching.size())) {
                turn.update(s -> s.withSearch(s.search().withPage(page + 1)).withReasks(0));
                turn.say(turn.prompt());
            } else {
                turn.update(s -> s.withSearch(s.search().withPage(0)));
                turn.say(TurnContext.prefixed(turn.texts.text("offers.no-more"), turn.prompt()));
            }
        } else if (chosen.isPresent() && chosen.get().id().equals(OfferPages.OTHER_THEME)) {
            turn.update(s -> s.withSearch(s.search().withoutAnswers()));
            turn.enter(Phase.THEME, null, null);
        } else if (chosen.isPresent() && chosen.get().id().startsWith(OfferPages.OFFER_PREFIX)) {
            String offerId = chosen.get().id().substring(OfferPages.OFFER_PREFIX.length());
            if (turn.ports.catalog().offer(offerId).isEmpty()) {
                turn.say(TurnContext.prefixed(turn.texts.text("offer.gone"), turn.prompt()));
                return;
            }
            turn.update(s -> s.withRequest(s.request().withOffer(offerId)));
            turn.enter(Phase.WANTS_CONTACT, null, null);
        } else {
            turn.reask("reask.choice", "easier.choice");
        }
    }

    void wantsContact() {
        Optional<Boolean> yes = turn.reader.yesOrNo(turn.inbound);
        if (turn.ports.catalog().offer(turn.state().request().offerId()).isEmpty()) {
            turn.enter(Phase.OFFERS, null, null);
        } else if (yes.isEmpty()) {
            turn.reask("reask.yes-no", "easier.choice");
        } else if (yes.get()) {
            turn.enter(Phase.CONTACT_METHOD, null, null);
        } else {
            turn.enter(Phase.OFFERS, null, turn.texts.text("contact.not-now"));
        }
    }

    void done() {
        Optional<Choice> chosen = turn.reader.chosen(turn.inbound, turn.prompt().choices());
        if (chosen.isPresent() && chosen.get().id().equals(Prompts.OTHER_OFFERS)) {
            turn.update(s -> s.withRequest(s.request().withContact(null, s.request().consentText())));
            turn.showOffers(false, null);
        } else {
            turn.say(turn.prompt());
        }
    }
}
