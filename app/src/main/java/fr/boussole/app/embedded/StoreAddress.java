package fr.boussole.app.embedded;

import fr.boussole.core.settings.InvalidSettingException;
import org.springframework.core.env.PropertyResolver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.function.UnaryOperator;

/**
 * Where the embedded store listens: {@code BOUSSOLE_STORE_BIND} (loopback unless said otherwise: the
 * store has no authentication) and {@code BOUSSOLE_STORE_PORT}.
 *
 * @param port 0 for any free port
 */
public record StoreAddress(String bind, int port) {

    public static final String PORT = "BOUSSOLE_STORE_PORT";
    public static final String BIND = "BOUSSOLE_STORE_BIND";
    /** The app's properties for them, in its configuration tree (application.yml maps the variables). */
    static final String PORT_PROPERTY = "boussole.embedded-database.port";
    static final String BIND_PROPERTY = "boussole.embedded-database.bind";

    /** The app's embedded store: both settings from the configuration tree, any free port when unset. */
    static StoreAddress of(PropertyResolver settings) {
        return from(variable -> settings.getProperty(variable.equals(PORT) ? PORT_PROPERTY : BIND_PROPERTY), 0);
    }

    /**
     * Reads both settings through {@code setting} (variable name to value, null when unset): the store as
     * its own process ({@link StoreServer}) reads its options and the environment so.
     *
     * @param defaultPort the port when {@code BOUSSOLE_STORE_PORT} is unset
     */
    public static StoreAddress from(UnaryOperator<String> setting, int defaultPort) {
        String port = setting.apply(PORT);
        String bind = setting.apply(BIND);
        int number = defaultPort;
        if (port != null && !port.isBlank()) {
            try {
                number = Integer.parseInt(port.strip());
            } catch (NumberFormatException e) {
                number = -1;
            }
            if (number < 0 || number > 65535) {
                throw new InvalidSettingException(PORT, "'" + port + "' is not a port number (0-65535)");
            }
        }
        return new StoreAddress(bind == null || bind.isBlank() ? InetAddress.getLoopbackAddress().getHostAddress() : bind.strip(), number);
    }

    /**
     * True when the store is opened for other processes: on a port given ({@code BOUSSOLE_STORE_PORT}), or on
     * an address other than loopback. Otherwise its random loopback port is known only from {@code store.uri}
     * beside its file, which commands read ({@code --create-admin}: no pipeline, no claims).
     */
    boolean forOtherProcesses() {
        if (port != 0) {
            return true;
        }
        try {
            return !InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }

    InetSocketAddress socketAddress() {
        try {
            return new InetSocketAddress(InetAddress.getByName(bind), port);
        } catch (UnknownHostException e) {
            throw new InvalidSettingException(BIND, "'" + bind + "' is not an address of this machine");
        }
    }
}
