package app.bar.platform.config;

import app.bar.platform.secrets.KeyRingSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * On the embedded default only: when a key ring a module declares ({@link ProductionCheck#keyRings()},
 * the JWT and the master key ring) is not configured, generate one once into {@code <data-dir>/keys}
 * (directory 700, files 600) and feed it to the same property production sets from the environment,
 * so the rest of the code has one path.
 */
final class DevKeys {

    private static final Logger log = LoggerFactory.getLogger(DevKeys.class);

    private DevKeys() {
    }

    static void supplyMissing(ConfigurableEnvironment env, List<KeyRingSetting> rings) {
        if (ProductionGuard.isProduction(env)) {
            return; // production has no default secret: the guard has already demanded every ring
        }
        Path keys = Path.of(env.getProperty("bar.data-dir", "./data")).resolve("keys");
        Map<String, Object> supplied = new HashMap<>();
        for (KeyRingSetting ring : rings) {
            supply(env, supplied, ring.key(), keys.resolve(ring.devFile()), ring.prefix(), ring.minBytes());
        }
        if (!supplied.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource("barDevKeys", supplied));
        }
    }

    private static void supply(ConfigurableEnvironment env, Map<String, Object> supplied, String key, Path file,
            String prefix, int bytes) {
        String configured = env.getProperty(key);
        if (configured != null && !configured.isBlank()) {
            return;
        }
        supplied.put(key, readOrCreate(file, prefix, bytes));
    }

    private static String readOrCreate(Path file, String prefix, int bytes) {
        try {
            createPrivateDirectory(java.util.Objects.requireNonNull(file.getParent(), "key file has a parent"));
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, KeyRingSpec.generateEntry(prefix, bytes) + "\n", StandardCharsets.US_ASCII);
                    log.warn("dev.keys.generated file={} (development keys: never use them in production)", file);
                } catch (FileAlreadyExistsException raced) {
                    // another process created it between the check and the create: read theirs
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development key file " + file, e);
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
    }
}
