package fr.boussole.app.embedded;

import fr.boussole.app.config.KeySettings;
import fr.boussole.app.config.StartupSettings;
import fr.boussole.core.settings.StoreSharing;
import org.springframework.boot.EnvironmentPostProcessor;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs after the configuration files are read: checks the settings, then, when no MONGODB_URI is
 * given, starts the embedded store and points {@code spring.mongodb.uri} at it before anything
 * connects, and resolves the keys of personal data (generated beside the embedded store's data
 * when none is given). The store is registered as a disposable bean first of all, so it is closed last.
 * It tells the other modules whether the store is this process's alone ({@link StoreSharing}): only when
 * this process opened the embedded store's file itself and serves it on no port given for other apps.
 */
class EmbeddedStoreEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE = "boussoleStore";

    private final Log log;

    EmbeddedStoreEnvironmentPostProcessor(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedStoreEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        StartupSettings.check(env);
        String uri = StartupSettings.mongoUri(env);
        Map<String, Object> derived = new HashMap<>();
        boolean embedded = uri == null;
        Path dataDir = Path.of(env.getProperty("boussole.data-dir", "./data"));
        // before the store opens: a key problem stops start-up with nothing left open
        derived.putAll(KeySettings.resolve(env, embedded, dataDir,
                embedded && Files.exists(dataDir.resolve(EmbeddedStore.FILE_NAME)), log::warn));
        StoreSharing sharing = StoreSharing.SHARED;
        if (embedded) {
            // BOUSSOLE_STORE_PORT opens this app's store to other app processes of the machine
            StoreAddress address = StoreAddress.of(env);
            EmbeddedStore store;
            try {
                store = EmbeddedStore.open(dataDir, address, StoreFileSettings.of(env));
            } catch (StoreFileInUse inUse) {
                // a command (--create-admin) run beside the app that holds the file reaches it through its server
                if (!env.getProperty(RunningStore.ATTACH, Boolean.class, false)) {
                    throw inUse;
                }
                store = null;
                derived.put("spring.mongodb.uri", RunningStore.uriIn(dataDir).orElseThrow(() -> inUse));
            }
            if (store != null) {
                // its file locked by this process, served to no other app: what it holds as claimed is a dead run's
                sharing = address.forOtherProcesses() ? StoreSharing.SHARED : StoreSharing.EXCLUSIVE;
                log.info(store.description());
                store.warnings().forEach(log::warn);
                EmbeddedStore opened = store;
                derived.put("spring.mongodb.uri", opened.connectionString());
                application.addInitializers(context -> {
                    if (context.getBeanFactory() instanceof DefaultListableBeanFactory factory) {
                        factory.registerSingleton("embeddedStore", opened);
                        factory.registerDisposableBean("embeddedStore", opened);
                    }
                });
            }
        } else {
            derived.put("spring.mongodb.uri", uri);
        }
        StoreSharing told = sharing;
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("storeSharing", told));
        String demo = env.getProperty("boussole.store.demo.enabled");
        if (demo == null || demo.isBlank()) {
            derived.put("boussole.store.demo.enabled", Boolean.toString(embedded));
        }
        derived.put("boussole.embedded-store", Boolean.toString(embedded));
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE, derived));
    }
}
