package app.bar.cli;

import app.bar.format.FileEntry;
import app.bar.format.Manifest;
import app.bar.format.ManifestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The files of a multi-file share (docs/zero-knowledge-format.md, "Several files"): the files and
 * folders named on the command line, folders walked recursively in name order. Only regular files
 * are packed. A symbolic link inside a folder is skipped with a note, never followed (following
 * one could send a file from outside the folder, ~/.ssh through a link, without the sender
 * noticing); one named on the command line is followed, as for a single file. Empty folders are
 * not carried. The content is read file by file as the upload asks for it, never a whole file in
 * memory; a file that changes size meanwhile fails the send (the manifest would lie).
 */
final class FilesInput {

    private final List<Path> sources;
    private final Manifest manifest;

    private FilesInput(List<Path> sources, Manifest manifest) {
        this.sources = sources;
        this.manifest = manifest;
    }

    /** Collects the files of {@code arguments}; notes skipped links and special files on {@code notes}. */
    static FilesInput collect(List<String> arguments, PrintStream notes) throws IOException {
        List<Path> sources = new ArrayList<>();
        List<FileEntry> entries = new ArrayList<>();
        for (String argument : arguments) {
            Path path = Path.of(argument);
            if (Files.isDirectory(path)) {
                Path root = path.toAbsolutePath().normalize();
                Path name = root.getFileName();
                if (name == null) {
                    throw CliFailure.usage("cannot send the root folder " + root + ": name a folder inside it");
                }
                walk(root.toRealPath(), nfc(name.toString()), notes, sources, entries);
            } else if (Files.isRegularFile(path)) {
                sources.add(path);
                entries.add(entry(PlaintextOutput.fileName(path.toAbsolutePath().normalize()), path, Files.size(path)));
            } else if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                throw CliFailure.usage(argument + " is neither a file nor a folder");
            } else {
                throw CliFailure.usage(argument + " does not exist");
            }
        }
        if (entries.isEmpty()) {
            throw CliFailure.usage("the folder(s) given hold no files: nothing to send");
        }
        checkDistinct(entries, sources);
        try {
            return new FilesInput(sources, Manifest.of(entries));
        } catch (ManifestException e) {
            throw CliFailure.usage("cannot send these files together: " + e.getMessage());
        }
    }

    private static void walk(Path root, String name, PrintStream notes, List<Path> sources, List<FileEntry> entries)
            throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    found.add(file);
                } else {
                    notes.println("bar: skipped " + file + ": " + (attributes.isSymbolicLink()
                            ? "a symbolic link (links inside folders are not followed)" : "not a regular file"));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw e;
            }
        });
        found.sort(Comparator.comparing(p -> root.relativize(p).toString()));
        for (Path file : found) {
            StringBuilder relative = new StringBuilder(name);
            for (Path segment : root.relativize(file)) {
                relative.append('/').append(nfc(segment.toString()));
            }
            sources.add(file);
            entries.add(entry(relative.toString(), file, Files.size(file)));
        }
    }

    private static FileEntry entry(String path, Path file, long size) throws IOException {
        String manifestPath = nfc(path);
        try {
            Manifest.checkPath(manifestPath, 1);
        } catch (ManifestException e) {
            throw CliFailure.usage("cannot send " + file + ": its name cannot travel in a share ("
                    + e.getMessage().replaceFirst("^file 1: ", "") + ")");
        }
        String type = Files.probeContentType(file);
        if (type == null) {
            type = java.net.URLConnection.guessContentTypeFromName(PlaintextOutput.fileName(file));
        }
        return new FileEntry(manifestPath, type, size);
    }

    /** Names the two local files that would land on the same path (the format compares ignoring case). */
    private static void checkDistinct(List<FileEntry> entries, List<Path> sources) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Integer before = seen.putIfAbsent(entries.get(i).path().toLowerCase(Locale.ROOT), i);
            if (before != null) {
                throw CliFailure.usage("cannot send " + sources.get(before) + " and " + sources.get(i) + " together: both would be "
                        + entries.get(i).path() + " in the share (names are compared ignoring case)");
            }
        }
    }

    private static String nfc(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC);
    }

    Manifest manifest() {
        return manifest;
    }

    /** The files' bytes, one after the other, each exactly the size the manifest says. */
    InputStream content() {
        return new Content();
    }

    private final class Content extends InputStream {
        private int index = -1;
        private InputStream current = InputStream.nullInputStream();
        private long left;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (left == 0) {
                if (index >= sources.size()) {
                    return -1;
                }
                if (index >= 0 && current.read() >= 0) {
                    throw new IOException(sources.get(index) + " grew while it was sent");
                }
                current.close();
                if (++index == sources.size()) {
                    current = InputStream.nullInputStream();
                    return -1;
                }
                current = Files.newInputStream(sources.get(index));
                left = manifest.files().get(index).size();
            }
            int n = current.read(target, offset, (int) Math.min(length, left));
            if (n < 0) {
                throw new IOException(sources.get(index) + " shrank while it was sent");
            }
            left -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            current.close();
        }
    }
}
