package app.bar.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API tokens {@code bar login} stored, one per server, in {@code <config dir>/credentials.json}:
 * the directory mode 700, the file mode 600, written to a temporary file of that mode and moved
 * into place, so no other user can read a token at any moment. Also remembers the server of the
 * last login, so later commands need no {@code --server}.
 */
final class Credentials {

    static final String FILE = "credentials.json";
    private static final Set<PosixFilePermission> OWNER_FILE = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private final Path dir;
    private final ObjectNode root;

    private Credentials(Path dir, ObjectNode root) {
        this.dir = dir;
        this.root = root;
    }

    static Credentials load(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return new Credentials(dir, Api.JSON.createObjectNode());
        }
        try {
            JsonNode node = Api.JSON.readTree(Files.readAllBytes(file));
            if (node instanceof ObjectNode object) {
                return new Credentials(dir, object);
            }
        } catch (IOException | JacksonException e) {
            throw CliFailure.usage("cannot read " + file + " (" + e.getClass().getSimpleName() + "): remove it and run bar login");
        }
        throw CliFailure.usage(file + " is damaged: remove it and run bar login");
    }

    /** The server of the last {@code bar login}, or null. */
    @Nullable String defaultServer() {
        return Problems.text(root, "defaultServer");
    }

    @Nullable String token(String server) {
        return Problems.text(root.path("servers").path(server), "token");
    }

    @Nullable String email(String server) {
        return Problems.text(root.path("servers").path(server), "email");
    }

    void put(String server, String token, @Nullable String email, @Nullable String expiresAt) {
        ObjectNode entry = servers().putObject(server);
        entry.put("token", token);
        if (email != null) {
            entry.put("email", email);
        }
        if (expiresAt != null) {
            entry.put("expiresAt", expiresAt);
        }
        root.put("defaultServer", server);
    }

    /** Forgets the server's token; whether there was one. */
    boolean remove(String server) {
        boolean had = servers().remove(server) != null;
        if (server.equals(defaultServer())) {
            root.remove("defaultServer");
        }
        return had;
    }

    private ObjectNode servers() {
        JsonNode servers = root.get("servers");
        return servers instanceof ObjectNode object ? object : root.putObject("servers");
    }

    void save() {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)));
            } else {
                Files.createDirectories(dir);
            }
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                    : new FileAttribute<?>[0];
            Path temp = Files.createTempFile(dir, ".credentials", ".tmp", attributes);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            if (posix) {
                Files.setPosixFilePermissions(temp, OWNER_FILE);
            }
            try {
                Files.move(temp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw CliFailure.failed("cannot write " + dir.resolve(FILE) + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
