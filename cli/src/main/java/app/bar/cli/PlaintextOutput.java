package app.bar.cli;

import app.bar.format.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where opened content goes: standard output, the file {@code -o} names, or — for a file share
 * without {@code -o} — its own (sanitised) name in the current directory, never overwriting
 * anything. Files are written to a temporary file (mode 600) beside the target and moved into
 * place only when all of the content arrived and authenticated: a failure leaves nothing.
 */
final class PlaintextOutput {

    private final Io io;
    private final @Nullable String option;
    private final boolean force;

    PlaintextOutput(Io io, @Nullable String option) {
        this(io, option, false);
    }

    /** {@code force}: the files of a multi-file share replace existing files of the same name. */
    PlaintextOutput(Io io, @Nullable String option, boolean force) {
        this.io = io;
        this.option = option;
        this.force = force;
    }

    boolean toStdout(boolean text) {
        return "-".equals(option) || (option == null && text);
    }

    /** Refuses, before any view is used, to print a file's bytes on a terminal. */
    void refuseBinaryOnTerminal(boolean text) {
        if (!text && toStdout(false) && io.terminal().stdout()) {
            throw CliFailure.usage("this share is a file: save it with -o FILE, or pipe it (-o - | ...); "
                    + "binary content is not printed to a terminal");
        }
    }

    /** Writes {@code content}; answers what was written for the closing note. */
    String write(InputStream content, boolean text, @Nullable String name) throws IOException {
        if (toStdout(text)) {
            OutputStream out = io.out();
            content.transferTo(out);
            out.flush();
            return "standard output";
        }
        if (option != null) {
            return save(content, Path.of(option), true).toString();
        }
        return save(content, Path.of(safeName(name)), false).toString();
    }

    /**
     * Saves the files of a multi-file share under the directory {@code -o} names (default: the
     * current directory), lists them on stdout (one path a line) and answers where they went.
     */
    String writeFiles(Manifest manifest, InputStream content) throws IOException {
        int count = manifest.files().size();
        if ("-".equals(option)) {
            throw CliFailure.usage("this share holds " + count + " files: they are saved in a folder (-o DIR, default the current "
                    + "directory), not written to standard output; the view is used, nothing was saved");
        }
        FilesOutput files = FilesOutput.in(Path.of(option != null ? option : "."), force);
        List<FilesOutput.Saved> saved = files.write(manifest, content);
        for (FilesOutput.Saved one : saved) {
            io.out().println(files.base().relativize(one.file()).toString().replace(java.io.File.separatorChar, '/'));
        }
        io.out().flush();
        return files.base() + " (" + count + (count == 1 ? " file" : " files") + ", listed on standard output)";
    }

    private static Path save(InputStream content, Path target, boolean replace) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        Path dir = parent != null ? parent : Path.of(".").toAbsolutePath();
        Path temp = Files.createTempFile(dir, ".bar-", ".part", ownerOnly());
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.transferTo(out);
                channel.force(true);
            }
            Path result = replace ? Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING) : moveToFreeName(temp, absolute);
            moved = true;
            return result;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Mode 600 where the file system has POSIX modes (opened content is nobody else's business). */
    static FileAttribute<?>[] ownerOnly() {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))} : new FileAttribute<?>[0];
    }

    static Path moveToFreeName(Path temp, Path wanted) throws IOException {
        String name = fileName(wanted);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 0; n < 1000; n++) {
            Path candidate = wanted.resolveSibling(n == 0 ? name : stem + " (" + n + ")" + extension);
            try {
                return Files.move(temp, candidate);
            } catch (FileAlreadyExistsException taken) {
                // try the next name
            }
        }
        throw new FileAlreadyExistsException(wanted.toString(), null, "no free name: give -o FILE");
    }

    /** The last element of a path (the path itself when it has none). */
    static String fileName(Path path) {
        Path name = path.getFileName();
        return name != null ? name.toString() : path.toString();
    }

    /** The browser's rule (open.mjs safeName), and no leading dot: a share cannot plant a hidden file. */
    static String safeName(@Nullable String name) {
        String cleaned = String.valueOf(name == null ? "" : name).replaceAll("[\\u0000-\\u001f\\u007f/\\\\]", "_").strip();
        if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
            return "secret.bin";
        }
        if (cleaned.startsWith(".") || cleaned.startsWith("-")) {
            cleaned = "_" + cleaned.substring(1);
        }
        return cleaned.length() > 255 ? cleaned.substring(0, 255) : cleaned;
    }

    /** Marks read failures of the network stream, so they are told apart from a failed decryption. */
    static InputStream network(InputStream in) {
        return new MarkedInput(in, NetworkFailure::new);
    }

    /** A read of the server's stream failed (the connection broke). */
    static final class NetworkFailure extends IOException {
        private static final long serialVersionUID = 1L;

        NetworkFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
