package fr.boussole.dialogs.bench;

import fr.boussole.core.language.Intent;
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

/** Time to find the intent of a message: a keyword, short free text, a long message. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IntentClassificationBenchmark {

    @Param({"stop", "y en a d'autres ?", "je veux plus recevoir vos messages svp",
            "bonjour je cherche un logement à Cahors pour la rentrée, j'ai 19 ans et je suis étudiante en BTS"})
    public String text;

    private FrenchUnderstanding understanding;

    @Setup
    public void load() {
        understanding = FrenchUnderstanding.load();
    }

    @Benchmark
    public Intent intentOf() {
        return understanding.intentOf(text);
    }
}
