package fr.boussole.app.embedded;

import fr.boussole.core.settings.InvalidSettingException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store's address settings: loopback unless told otherwise (it has no authentication), a wrong
 * port named in one line, command-line options above the environment. Fails if the store could end
 * up listening on every interface by default, or start on a port it was not given.
 */
class StoreAddressTest {

    @Test
    void by_default_the_store_listens_on_loopback_only() {
        StoreAddress address = StoreAddress.from(Map.<String, String>of()::get, 27017);
        assertThat(address.port()).isEqualTo(27017);
        assertThat(address.socketAddress().getAddress().isLoopbackAddress()).isTrue();
    }

    /** The app's own store is its alone (its dead runs' claims freed at start) only on a random loopback port. */
    @Test
    void the_store_is_for_other_processes_on_a_port_given_or_an_address_other_than_loopback() {
        assertThat(StoreAddress.from(Map.<String, String>of()::get, 0).forOtherProcesses()).isFalse();
        assertThat(StoreAddress.from(Map.of("BOUSSOLE_STORE_PORT", "27018")::get, 0).forOtherProcesses()).isTrue();
        assertThat(StoreAddress.from(Map.of("BOUSSOLE_STORE_BIND", "0.0.0.0")::get, 0).forOtherProcesses()).isTrue();
        assertThat(StoreAddress.from(Map.of("BOUSSOLE_STORE_PORT", "0")::get, 0).forOtherProcesses()).isFalse();
    }

    @Test
    void a_port_that_is_not_one_is_refused_naming_the_variable() {
        for (String wrong : new String[]{"abc", "-1", "70000"}) {
            assertThatThrownBy(() -> StoreAddress.from(Map.of("BOUSSOLE_STORE_PORT", wrong)::get, 0))
                    .isInstanceOf(InvalidSettingException.class)
                    .satisfies(e -> assertThat(((InvalidSettingException) e).variable()).isEqualTo("BOUSSOLE_STORE_PORT"));
        }
    }

    @Test
    void an_unknown_bind_address_is_refused_naming_the_variable() {
        StoreAddress address = StoreAddress.from(Map.of("BOUSSOLE_STORE_BIND", "no-such-host.invalid")::get, 0);
        assertThatThrownBy(address::socketAddress).isInstanceOf(InvalidSettingException.class)
                .satisfies(e -> assertThat(((InvalidSettingException) e).variable()).isEqualTo("BOUSSOLE_STORE_BIND"));
    }

    @Test
    void options_win_over_the_environment_and_unknown_options_are_refused() {
        Map<String, String> settings = StoreServer.settings(new String[]{"--port", "27999", "--data-dir", "/tmp/x"});
        assertThat(settings).containsEntry("BOUSSOLE_STORE_PORT", "27999").containsEntry("BOUSSOLE_DATA_DIR", "/tmp/x");
        assertThatThrownBy(() -> StoreServer.settings(new String[]{"--prot", "1"})).isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> StoreServer.settings(new String[]{"--port"})).isInstanceOf(InvalidSettingException.class);
    }

    /** The app reads its store's address from its configuration tree, where application.yml puts the variables. */
    @Test
    void the_app_reads_the_address_from_its_configuration_tree() {
        var env = new org.springframework.mock.env.MockEnvironment()
                .withProperty("boussole.embedded-database.port", "27999").withProperty("boussole.embedded-database.bind", "0.0.0.0");
        assertThat(StoreAddress.of(env)).isEqualTo(new StoreAddress("0.0.0.0", 27999));
        assertThatThrownBy(() -> StoreAddress.of(new org.springframework.mock.env.MockEnvironment()
                .withProperty("boussole.embedded-database.port", "port")))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo("BOUSSOLE_STORE_PORT"));
    }
}
