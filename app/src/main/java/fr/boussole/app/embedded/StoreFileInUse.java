package fr.boussole.app.embedded;

import fr.boussole.core.settings.InvalidSettingException;

import java.nio.file.Path;

/** The embedded store's file is held by another process (an app or {@code scripts/store} running on it). */
public final class StoreFileInUse extends InvalidSettingException {

    private final transient Path dataDir;

    StoreFileInUse(Path dataDir, String problem) {
        super("BOUSSOLE_DATA_DIR", problem);
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
