package fr.boussole.core.journey;

import fr.boussole.core.language.Intent;
import fr.boussole.core.language.Reading;

import java.util.Optional;

/**
 * What a young person asks on the side, at any step: a question of the FAQ ("c'est gratuit ?"),
 * answered in one line, or a wish to talk to a person, answered with the territory's Info Jeunes
 * contact; then back to where they were, the same question asked again.
 */
final class SideQuestions {

    private final TurnContext turn;

    SideQuestions(TurnContext turn) {
        this.turn = turn;
    }

    /** @return whether the message was a side question, now answered */
    boolean answer() {
        Optional<String> lead = lead(turn.reading());
        lead.ifPresent(text -> turn.say(TurnContext.prefixed(text, turn.prompt())));
        return lead.isPresent();
    }

    /** The answer to put before the first question, when the first message was a side question. */
    String leadIn() {
        return lead(turn.reading()).orElse(null);
    }

    private Optional<String> lead(Reading reading) {
        if (reading.faq().isPresent() && turn.texts.has("faq." + reading.faq().get())) {
            return Optional.of(turn.texts.text("faq." + reading.faq().get()));
        }
        if (reading.intent() == Intent.PERSON) {
            return Optional.of(turn.person.line());
        }
        return Optional.empty();
    }
}
