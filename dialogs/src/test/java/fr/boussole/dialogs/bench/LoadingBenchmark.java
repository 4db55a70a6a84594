package fr.boussole.dialogs.bench;

import fr.boussole.dialogs.commune.Communes;
import fr.boussole.dialogs.language.FrenchUnderstanding;
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

import java.util.concurrent.TimeUnit;

/**
 * What the application pays once at start-up: reading the communes, then the understanding over them (training the
 * intent model, compiling the lexicons, sorting the lexicon words that are no place).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class LoadingBenchmark {

    @Benchmark
    public Communes communes() {
        return Communes.load();
    }

    @State(Scope.Benchmark)
    public static class Loaded {
        Communes communes;

        @Setup
        public void load() {
            communes = Communes.load();
        }
    }

    @Benchmark
    public FrenchUnderstanding understanding(Loaded loaded) {
        return FrenchUnderstanding.load(loaded.communes);
    }
}
