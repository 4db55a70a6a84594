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
                .rootCause().hasMessageContaining("BOUSSOLE_STORE_INDEX_REFRESH");
    }

    @Test
    void the_demo_password_must_be_long_enough_when_the_demo_is_loaded() {
        assertThat(bind(Map.of("boussole.store.demo.enabled", "true")).bindOrCreate("boussole.store.demo", DemoDataProperties.class)
                .password()).isEqualTo("boussole-demo");
        assertThatThrownBy(() -> bind(Map.of("boussole.store.demo.enabled", "true", "boussole.store.demo.password", "short"))
                .bindOrCreate("boussole.store.demo", DemoDataProperties.class))
                .rootCause().hasMessageContaining("BOUSSOLE_DEMO_PASSWORD");
    }

    private static Binder bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values));
    }
}
