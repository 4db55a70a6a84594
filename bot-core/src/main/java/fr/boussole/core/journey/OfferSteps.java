package fr.boussole.core.journey;

import fr.boussole.core.journey.JourneyState.Contact;
import fr.boussole.core.language.ContactAddress;
import fr.boussole.core.language.Intent;
import fr.boussole.core.message.Choice;
import fr.boussole.core.offer.OfferDetails;
import fr.boussole.core.offer.OfferSummary;

import java.util.List;
import java.util.Optional;

/**
 * The matching offers page by page, then one offer's card: what it is, who, and what a request sends
 * to whom within which delay, with "Oui, contactez-moi" as the explicit yes. After the request, a
 * thank-you gets a warm close, not another question.
 */
final class OfferSteps {

    private final TurnContext turn;
    private final ContactSteps contact;

    OfferSteps(TurnContext turn, ContactSteps contact) {
        this.turn = turn;
        this.contact = contact;
    }

    void offersTurn() {
        OfferPages offers = turn.offers;
        List<OfferSummary> matching = offers.matching(turn.state(), turn.now);
        int page = Math.min(turn.state().search().page(), offers.pageCount(matching.size()) - 1);
        List<Choice> choices = turn.prompt().choices();
        Optional<Choice> chosen = turn.reader.chosen(turn.inbound, choices);
        boolean more = chosen.map(c -> c.id().equals(OfferPages.MORE)).orElse(false)
                || (chosen.isEmpty() && turn.typed() && turn.reading().intent() == Intent.MORE);
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
            open(chosen.get().id().substring(OfferPages.OFFER_PREFIX.length()), null);
        } else {
            turn.reask("reask.choice", "easier.choice");
        }
    }

    /** One offer's card; a single offer found is shown at once, without a list of one. */
    void open(String offerId, String lead) {
        if (turn.ports.catalog().offer(offerId).isEmpty()) {
            turn.say(TurnContext.prefixed(turn.texts.text("offer.gone"), turn.prompt()));
            return;
        }
        turn.update(s -> s.withRequest(s.request().withOffer(offerId)));
        turn.enter(Phase.OFFER, null, lead);
    }

    /** The card's answer: the explicit yes, a contact typed instead, or back to the offers. */
    void offer() {
        Optional<OfferDetails> offer = turn.ports.catalog().offer(turn.state().request().offerId());
        if (offer.isEmpty()) {
            turn.enter(Phase.OFFERS, null, turn.texts.text("offer.gone"));
            return;
        }
        Optional<Choice> chosen = turn.reader.chosen(turn.inbound, turn.prompt().choices());
        if (chosen.isPresent() && chosen.get().id().equals(Prompts.OTHER_OFFERS)) {
            turn.enter(Phase.OFFERS, null, null);
            return;
        }
        if (contact.consentGiven()) {
            String consent = turn.prompts.cardConsent(offer.get(), turn.state());
            Optional<Contact> known = turn.prompts.knownContact(turn.state());
            turn.update(s -> s.withRequest(s.request().withConsent(consent, true)));
            if (known.isPresent()) {
                contact.given(known.get());
            } else {
                turn.enter(Phase.CONTACT, null, null);
            }
            return;
        }
        Optional<ContactAddress> typed = turn.reading().contact();
        if (typed.isPresent() || turn.inbound.sharedPhone() != null) {
            contact.contact(); // a contact typed on the card: it is asked for its own yes
            return;
        }
        if (turn.typed() && turn.reading().intent() == Intent.NO) {
            turn.enter(Phase.OFFERS, null, null);
            return;
        }
        turn.reask(contact.yesWithoutWords() ? "reask.consent" : "reask.choice", "easier.choice");
    }

    void done() {
        if (turn.typed() && turn.reading().intent() == Intent.THANKS) {
            turn.say(fr.boussole.core.message.OutboundMessage.of(turn.texts.text("done.thanks")));
            return;
        }
        Optional<Choice> chosen = turn.reader.chosen(turn.inbound, turn.prompt().choices());
        if (chosen.isPresent() && chosen.get().id().equals(Prompts.OTHER_OFFERS)) {
            turn.showOffers(false, null);
        } else {
            turn.say(turn.prompt());
        }
    }
}
