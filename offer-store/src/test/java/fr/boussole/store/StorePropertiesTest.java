package fr.boussole.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.boussole.store.demo.DemoDataProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class StorePropertiesTest {

    @Test
    void defaults_apply_when_nothing_is_set() {
        StoreProperties properties = bind(Map.of()).bindOrCreate("boussole.store", StoreProperties.class);
        assertThat(properties.indexRefresh()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void a_wrong_setting_names_the_property() {
        assertThatThrownBy(() -> bind(Map.of("boussole.store.index-refresh", "-PT1M"))
                .bindOrCreate("boussole.store", StoreProperties.class))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("boussole.store.index-refresh");
    }

    @Test
    void the_demo_password_must_be_long_enough_when_the_demo_is_loaded() {
        assertThat(bind(Map.of("boussole.demo-data", "true")).bindOrCreate("boussole", DemoDataProperties.class)
                .demoPassword()).isEqualTo("boussole-demo");
        assertThatThrownBy(() -> bind(Map.of("boussole.demo-data", "true", "boussole.demo-password", "short"))
                .bindOrCreate("boussole", DemoDataProperties.class))
                .rootCause().hasMessageContaining("BOUSSOLE_DEMO_PASSWORD");
    }

    private static Binder bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values));
    }
}
