package fr.boussole.app.config;

import fr.boussole.core.settings.InvalidSettingException;
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
import java.util.function.Consumer;

/**
 * The embedded store's keys, generated on its first start so that the demo needs no setting, readable by
 * their owner only. Kept <em>beside</em> the data directory by default ({@code ./data} →
 * {@code ./data.keys.properties}, or {@code BOUSSOLE_KEY_FILE}), not in it: a copy of the data directory
 * (a backup, an archive sent for support) does not carry the keys that open it. Losing the file loses the
 * personal data of the store (which is the point of sealing it): back it up apart from the data.
 *
 * <p>A store whose key file is missing is not given new keys (they would not open it): start-up stops,
 * naming the file. A key file left inside the data directory by an earlier version is still read, with a
 * warning; so is one created there because the directory's parent cannot be written.
 */
final class KeyFile {

    /** The name of the file inside the data directory, where earlier versions kept it. */
    static final String FILE_NAME = "keys.properties";
    static final String VARIABLE = "BOUSSOLE_KEY_FILE";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyFile() {}

    /** Where the keys of this data directory are kept by default: beside it, never in it. */
    static Path besideDataDir(Path dataDir) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        return parent == null || absolute.getFileName() == null ? absolute.resolve(FILE_NAME)
                : parent.resolve(absolute.getFileName() + ".keys.properties");
    }

    /**
     * The keys of the embedded store in {@code dataDir}, from {@code configured} ({@code BOUSSOLE_KEY_FILE})
     * or the default place, created on a first start.
     *
     * @param storeExists whether the data directory already holds a store (then keys are never generated)
     * @param warn        receives one line when the keys are inside the data directory
     */
    static Map<String, String> loadOrCreate(Path dataDir, Path configured, boolean storeExists, Consumer<String> warn) {
        Path inside = dataDir.resolve(FILE_NAME);
        Path file = configured != null ? configured : besideDataDir(dataDir);
        if (configured == null && !Files.exists(file) && Files.exists(inside)) {
            file = inside; // an earlier version's file: read where it is
        }
        if (!Files.exists(file)) {
            if (storeExists) {
                throw new InvalidSettingException(VARIABLE, "the store in " + dataDir.toAbsolutePath() + " exists but its key file "
                        + file.toAbsolutePath() + " does not (a copy of the data directory does not carry its keys): "
                        + "put the key file there, or set BOUSSOLE_KEY_FILE, BOUSSOLE_DATA_KEYS and BOUSSOLE_LOOKUP_KEY");
            }
            file = create(file, configured == null ? inside : null);
        }
        if (isInside(file, dataDir)) {
            warn.accept("The keys of personal data are kept in the data directory (" + file.toAbsolutePath()
                    + "): a copy of the directory carries them. Move the file out of it and set " + VARIABLE
                    + " (docs/privacy.md#keys).");
        }
        return read(file);
    }

    private static Map<String, String> read(Path file) {
        Properties keys = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            keys.load(reader);
        } catch (IOException e) {
            throw new InvalidSettingException(VARIABLE, "cannot read " + file.toAbsolutePath() + " (" + e.getMessage() + ")");
        }
        String dataKeys = keys.getProperty(KeySettings.DATA_KEYS_VARIABLE);
        String lookupKey = keys.getProperty(KeySettings.LOOKUP_KEY_VARIABLE);
        if (dataKeys == null || lookupKey == null) {
            throw new InvalidSettingException(VARIABLE, file.toAbsolutePath() + " lacks "
                    + KeySettings.DATA_KEYS_VARIABLE + " or " + KeySettings.LOOKUP_KEY_VARIABLE);
        }
        return Map.of(KeySettings.DATA_KEYS, dataKeys, KeySettings.LOOKUP_KEY, lookupKey);
    }

    /** Creates the file with new keys; where the default place cannot be written, {@code fallback} (or fails). */
    private static Path create(Path file, Path fallback) {
        try {
            write(file);
            return file;
        } catch (IOException e) {
            if (fallback == null) {
                throw new InvalidSettingException(VARIABLE, "cannot write " + file.toAbsolutePath() + " (" + e.getMessage() + ")");
            }
            try {
                write(fallback);
                return fallback;
            } catch (IOException again) {
                throw new InvalidSettingException("BOUSSOLE_DATA_DIR", "cannot write " + fallback.toAbsolutePath()
                        + " (" + again.getMessage() + ")");
            }
        }
    }

    private static void write(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
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
            writer.write("# Keys of the personal data of one embedded store, generated on its first start.\n"
                    + "# Without them the sealed fields cannot be read: back this file up apart from the data.\n"
                    + KeySettings.DATA_KEYS_VARIABLE + "=" + KeyRing.newKeySetting("k1") + "\n"
                    + KeySettings.LOOKUP_KEY_VARIABLE + "=" + LookupKey.newKeySetting() + "\n");
        }
    }

    private static boolean isInside(Path file, Path dir) {
        return file.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize());
    }
}
