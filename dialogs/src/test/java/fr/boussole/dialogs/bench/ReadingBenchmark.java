package fr.boussole.dialogs.bench;

import fr.boussole.core.language.Reading;
import fr.boussole.dialogs.language.FrenchUnderstanding;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Time to read everything a message says (Understanding.read: intent, safety net, age, place, themes, contact, FAQ,
 * change of mind), which the engine does once per message: a word, a question, a commune, a distress message, the
 * one-sentence start of issue 11, and a long message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReadingBenchmark {

    @Param({"merci", "c'est payant ?", "cahros", "46100", "jsui a la rue ce soir",
            "bonjour j'ai 19 ans j'habite à Cahors et je cherche un boulot",
            "Bonjour, je m'appelle Inès, j'ai 18 ans, j'habite à Souillac chez ma mère. Je cherche un job d'été ou"
                    + " une alternance dans la vente, mais je n'ai pas le permis. Mon mail c'est ines.b@gmial.com, merci !"})
    public String text;

    private FrenchUnderstanding understanding;

    @Setup
    public void load() {
        understanding = FrenchUnderstanding.load();
    }

    @Benchmark
    public Reading read() {
        return understanding.read(text);
    }
}
