package fr.boussole.dialogs.bench;

import fr.boussole.core.place.Commune;
import fr.boussole.dialogs.commune.Communes;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Time to resolve what a young person typed into communes: exact, postal code, typos, nonsense. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CommuneResolutionBenchmark {

    @Param({"Cahors", "46100", "Figeac 46100", "st cere", "Soulliac", "Villefranche", "Saint-Denis", "xqzwvtk"})
    public String typed;

    private Communes communes;

    @Setup
    public void load() {
        communes = Communes.load();
    }

    @Benchmark
    public List<Commune> resolve() {
        return communes.resolve(typed);
    }
}
