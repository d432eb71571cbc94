package app.bar.cli;

import app.bar.format.FileEntry;
import app.bar.format.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves the files of a multi-file share (docs/zero-knowledge-format.md, "Several files") under an
 * output directory. The manifest has been checked already ({@link Manifest#parse}); here every
 * path is checked again against the directory after resolving: it must stay inside, and no folder
 * on the way may be a symbolic link or a file. Each file's content goes to a temporary file (mode
 * 600) in the output directory; only when the whole content has been read — so the container's
 * last segment authenticated — are they moved into place. Any failure before that deletes them all:
 * nothing of a damaged or cut share is left. An existing file is never replaced unless
 * {@code force}; the new one then gets a free name ({@code name (1).ext}), as single files do.
 */
final class FilesOutput {

    private final Path base;
    private final boolean force;

    private FilesOutput(Path base, boolean force) {
        this.base = base;
        this.force = force;
    }

    /** The output directory {@code dir}, created when missing; refuses a file there. */
    static FilesOutput in(Path dir, boolean force) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw CliFailure.usage("this share holds several files and " + absolute + " is a file: give -o DIR, a folder to save "
                    + "them in; the view is used, nothing was saved");
        }
        Files.createDirectories(absolute);
        return new FilesOutput(absolute.toRealPath(), force);
    }

    /** A file placed: where the manifest wanted it and where it went (another name when that was taken). */
    record Saved(String path, Path file) {
    }

    /** Writes every file of {@code manifest} from {@code content}; answers where each went. */
    List<Saved> write(Manifest manifest, InputStream content) throws IOException {
        List<Path> targets = new ArrayList<>();
        for (FileEntry entry : manifest.files()) {
            try {
                targets.add(target(entry.path()));
            } catch (java.nio.file.InvalidPathException e) {
                throw CliFailure.failed("cannot save " + entry.path() + ": this system's file names cannot hold its characters "
                        + "(run bar with a UTF-8 locale, e.g. LC_ALL=C.UTF-8); the view is used, nothing was written");
            }
        }
        List<Path> temps = new ArrayList<>();
        boolean placed = false;
        try {
            manifest.readContent(content, (entry, part) -> temps.add(temp(part)));
            List<Saved> saved = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                saved.add(new Saved(manifest.files().get(i).path(), place(temps.get(i), targets.get(i))));
                temps.set(i, null);
            }
            placed = true;
            return saved;
        } finally {
            if (!placed) {
                for (Path temp : temps) {
                    if (temp != null) {
                        Files.deleteIfExists(temp);
                    }
                }
            }
        }
    }

    /**
     * The file for a manifest path: inside the output directory after normalising, through no
     * symbolic link and no file posing as a folder, and not an existing folder or link itself.
     */
    private Path target(String path) throws IOException {
        Path target = base;
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            target = target.resolve(segments[i]);
            if (!target.normalize().startsWith(base) || target.normalize().equals(base)) {
                throw CliFailure.failed("the share is damaged: " + path + " would be saved outside " + base + "; nothing was written");
            }
            BasicFileAttributes existing = attributes(target);
            if (existing == null) {
                continue;
            }
            if (existing.isSymbolicLink()) {
                throw CliFailure.failed("refusing to save " + path + " through the symbolic link " + target
                        + "; the view is used, nothing was written");
            }
            boolean last = i == segments.length - 1;
            if (!last && !existing.isDirectory()) {
                throw CliFailure.failed("cannot save " + path + ": " + target + " is a file, not a folder; the view is used, "
                        + "nothing was written");
            }
            if (last && existing.isDirectory()) {
                throw CliFailure.failed("cannot save " + path + ": " + target + " is a folder; the view is used, nothing was written");
            }
        }
        return target.normalize();
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException absent) {
            return null;
        }
    }

    /** One file's content in a temporary file (mode 600) in the output directory. */
    private Path temp(InputStream part) throws IOException {
        Path temp = Files.createTempFile(base, ".bar-", ".part", PlaintextOutput.ownerOnly());
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            part.transferTo(out);
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    /** Moves a verified file into place, checking its folder again once created (it must resolve inside). */
    private Path place(Path temp, Path target) throws IOException {
        Path parent = target.getParent();
        if (parent == null) { // cannot happen: every target lies inside base
            throw CliFailure.failed("refusing to save " + target + ": it has no folder");
        }
        Files.createDirectories(parent);
        if (!parent.toRealPath().startsWith(base)) {
            throw CliFailure.failed("refusing to save " + base.relativize(target) + ": its folder now leads outside " + base);
        }
        if (force) {
            return Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return PlaintextOutput.moveToFreeName(temp, target);
    }

    /** The output directory, for the closing note. */
    Path base() {
        return base;
    }
}
