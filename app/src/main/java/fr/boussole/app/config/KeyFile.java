package fr.boussole.app.config;

import fr.boussole.core.privacy.KeyRing;
import fr.boussole.core.privacy.LookupKey;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The embedded store's keys, generated on its first start so that the demo needs no setting:
 * {@code keys.properties} beside the data, readable by its owner only. Losing it loses the personal
 * data of the store (which is the point of sealing it): back it up apart from the data.
 */
final class KeyFile {

    static final String FILE_NAME = "keys.properties";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyFile() {}

    static Map<String, String> loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            create(file);
        }
        Properties keys = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            keys.load(reader);
        } catch (IOException e) {
            throw new InvalidSettingException("BOUSSOLE_DATA_DIR", "cannot read " + file.toAbsolutePath() + " (" + e.getMessage() + ")");
        }
        String dataKeys = keys.getProperty(KeySettings.DATA_KEYS_VARIABLE);
        String lookupKey = keys.getProperty(KeySettings.LOOKUP_KEY_VARIABLE);
        if (dataKeys == null || lookupKey == null) {
            throw new InvalidSettingException("BOUSSOLE_DATA_DIR", file.toAbsolutePath() + " lacks "
                    + KeySettings.DATA_KEYS_VARIABLE + " or " + KeySettings.LOOKUP_KEY_VARIABLE);
        }
        return Map.of(KeySettings.DATA_KEYS, dataKeys, KeySettings.LOOKUP_KEY, lookupKey);
    }

    private static void create(Path file) {
        try {
            Files.createDirectories(file.getParent());
            try {
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createFile(file);
                }
            } catch (FileAlreadyExistsException anotherStartWasFaster) {
                return;
            }
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                writer.write("# Keys of the personal data in this directory's store, generated on first start.\n"
                        + "# Without them the sealed fields cannot be read: back this file up apart from the data.\n"
                        + KeySettings.DATA_KEYS_VARIABLE + "=" + KeyRing.newKeySetting("k1") + "\n"
                        + KeySettings.LOOKUP_KEY_VARIABLE + "=" + LookupKey.newKeySetting() + "\n");
            }
        } catch (IOException e) {
            throw new InvalidSettingException("BOUSSOLE_DATA_DIR", "cannot write " + file.toAbsolutePath() + " (" + e.getMessage() + ")");
        }
    }
}
