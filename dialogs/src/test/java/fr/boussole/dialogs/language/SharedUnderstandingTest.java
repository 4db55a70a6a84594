package fr.boussole.dialogs.language;

import fr.boussole.core.language.Intent;
import fr.boussole.core.message.Choice;
import fr.boussole.core.place.Commune;
import fr.boussole.dialogs.commune.Communes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** One instance of each is shared by every conversation: answers must not depend on what other threads do. */
class SharedUnderstandingTest {

    private static final List<String> TEXTS = List.of("oui", "je sais pas trop", "y en a d'autres", "stop",
            "je me suis trompé", "j'ai 19 ans", "supprimez mes données", "Cahors", "46100", "st cere", "Figaec",
            "le 2", "formaton", "vingt et un");
    private static final List<Choice> THEMES = List.of(new Choice("emploi", "Emploi"),
            new Choice("formation", "Formation"), new Choice("logement", "Logement"));

    private record Answers(List<Intent> intents, List<String> numbers, List<String> choices, List<List<Commune>> communes) {
    }

    @Test
    void concurrent_calls_give_the_same_answers_as_sequential_ones() throws Exception {
        FrenchUnderstanding understanding = FrenchUnderstanding.load();
        Communes communes = Communes.load();
        Answers expected = answer(understanding, communes);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Answers>> runs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                runs.add(pool.submit(() -> answer(understanding, communes)));
            }
            for (Future<Answers> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Answers answer(FrenchUnderstanding understanding, Communes communes) {
        List<Intent> intents = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        List<String> choices = new ArrayList<>();
        List<List<Commune>> found = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            for (String text : TEXTS) {
                intents.add(understanding.intentOf(text));
                numbers.add(understanding.numberIn(text).toString());
                choices.add(understanding.choiceIn(text, THEMES).map(Choice::id).orElse("-"));
                found.add(communes.resolve(text));
            }
        }
        return new Answers(intents, numbers, choices, found);
    }
}
