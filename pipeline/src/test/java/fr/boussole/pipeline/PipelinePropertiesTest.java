package fr.boussole.pipeline;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline's defaults as the app binds them. Four workers, not two: each waits for a commit of the store three
 * times a message, and four share commits better (0.80–0.86 of the CPU per message and 1.23–1.32 × the throughput
 * on a quiet machine once warm, BENCHMARKS.md "After midnight"). Fails on the code before, which had two.
 */
class PipelinePropertiesTest {

    @Test
    void unset_the_pipeline_runs_four_workers_and_two_senders_per_channel() {
        PipelineProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("boussole.pipeline", Bindable.of(PipelineProperties.class));
        assertThat(defaults.workers()).isEqualTo(4);
        assertThat(defaults.senders()).isEqualTo(2);
    }
}
