package fr.boussole.dialogs.bench;

import fr.boussole.core.conversation.ConversationEngine;
import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.conversation.Turn;
import fr.boussole.core.journey.JourneySettings;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.dialogs.Dialogs;
import fr.boussole.dialogs.commune.Communes;
import fr.boussole.dialogs.language.FrenchUnderstanding;
import fr.boussole.dialogs.transcripts.LotFixtures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The engine's share of a turn, with the real understanding, communes, questionnaires and texts and
 * in-memory offers (the store's matching is measured in offer-store). Each turn starts from a state
 * rebuilt from its stored form, as the pipeline does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JourneyBenchmark {

    /** A complete emploi journey typed the way young people type, from "bonjour" to the confirmation. */
    private static final List<String> JOURNEY = List.of("Bonjour", "19 ans", "cahors", "du boulot", "1", "bac pro",
            "1 et 3", "temps plein", "non", "mission locale", "plus", "1", "oui", "ce numéro", "oui");
    private static final ConversationKey KEY = new ConversationKey(Channel.SMS, "+33612345678");
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    private ConversationEngine engine;
    private java.util.Map<String, Object> atDiploma;
    private java.util.Map<String, Object> atCommune;

    @Setup
    public void build() {
        engine = Dialogs.engine(LotFixtures.catalog(), LotFixtures.territories(), Communes.load(),
                FrenchUnderstanding.load(), JourneySettings.defaults());
        atCommune = play(2).toStored();
        atDiploma = play(5).toStored();
    }

    private ConversationState play(int turns) {
        ConversationState state = ConversationState.start(KEY);
        for (int i = 0; i < turns; i++) {
            state = engine.handle(state, inbound(i, JOURNEY.get(i)), T0.plusSeconds(60L * i)).state();
        }
        return state;
    }

    private static Inbound inbound(int i, String text) {
        return Inbound.text("m" + i, KEY, text, T0.plusSeconds(60L * i));
    }

    /** One questionnaire answer typed as words ("bac pro"). */
    @Benchmark
    public Turn questionnaireAnswer() {
        return engine.handle(ConversationState.fromStored(atDiploma), inbound(5, "bac pro"), T0.plusSeconds(300));
    }

    /** A commune typed with a typo, resolved among every commune of France, then the territory looked up. */
    @Benchmark
    public Turn communeAnswer() {
        return engine.handle(ConversationState.fromStored(atCommune), inbound(2, "Cahros"), T0.plusSeconds(120));
    }

    /** The fifteen turns of a whole journey ending in a contact request. */
    @Benchmark
    public ConversationState wholeJourney() {
        ConversationState state = ConversationState.start(KEY);
        for (int i = 0; i < JOURNEY.size(); i++) {
            state = ConversationState.fromStored(engine.handle(state, inbound(i, JOURNEY.get(i)),
                    T0.plusSeconds(60L * i)).state().toStored());
        }
        return state;
    }
}
