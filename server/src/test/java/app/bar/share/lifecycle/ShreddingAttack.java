package app.bar.share.lifecycle;

import app.bar.crypto.ContentCipher;
import app.bar.crypto.DataKey;
import app.bar.crypto.Envelope;
import app.bar.crypto.SealedKey;
import app.bar.platform.secrets.OpaqueTokens;
import app.bar.share.ShareFiles;
import app.bar.share.core.InlineContent;
import app.bar.share.core.ShareSecrets;
import app.bar.support.TestBackends;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attack of issue 21 item 1, as an attacker holding the master keys would run it against
 * what a destroyed share left behind: the database's files (PostgreSQL's table files and WAL, or
 * the H2 file), a {@code pg_dump} taken before the destruction, and the blob store. Every
 * base64url run that could be a wrapped data key is tried against the master keys (through the
 * server's own {@link Envelope}); every key that opens is tried on every candidate ciphertext —
 * inline texts, secrets blobs (read with the server's own {@link ShareSecrets}), file blobs. It also looks for the plaintext and the filename as
 * they are.
 */
final class ShreddingAttack {

    private static final Pattern WRAPPED_KEY = Pattern.compile("[A-Za-z0-9_-]{80,400}");
    private static final Pattern INLINE = Pattern.compile("w1\\.([A-Za-z0-9_-]{40,})");

    private final JdbcClient jdbc;
    private final Envelope envelope;
    private final ContentCipher cipher;
    private final Map<String, byte[]> sources = new LinkedHashMap<>();

    ShreddingAttack(JdbcClient jdbc, Envelope envelope, ContentCipher cipher) {
        this.jdbc = jdbc;
        this.envelope = envelope;
        this.cipher = cipher;
    }

    /** A {@code pg_dump} of the test schema, as a backup taken now would hold it (external backend only). */
    static byte[] pgDump(JdbcClient jdbc) {
        String schema = jdbc.sql("select current_schema()").query(String.class).single();
        String url = TestBackends.postgresUrl().substring("jdbc:".length());
        try {
            Path out = Files.createTempFile("bar-dump-", ".sql");
            Process p = new ProcessBuilder("pg_dump", "--dbname=" + url, "--schema=" + schema, "--file=" + out)
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("pg_dump failed: " + log);
            }
            byte[] dump = Files.readAllBytes(out);
            Files.delete(out);
            return dump;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Flushes the database to its files, then gathers every place the attacker reads. */
    ShreddingAttack gather(byte[] dumpBeforeDestruction) {
        jdbc.sql("checkpoint").update();
        if (TestBackends.EXTERNAL) {
            sources.put("pg_dump taken before the destruction", dumpBeforeDestruction);
            Path data = Path.of(jdbc.sql("show data_directory").query(String.class).single());
            for (String relative : jdbc.sql("""
                    select pg_relation_filepath(c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = current_schema() and pg_relation_filepath(c.oid) is not null
                    union
                    select pg_relation_filepath(c.reltoastrelid) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = current_schema() and c.reltoastrelid <> 0""").query(String.class).list()) {
                readSegments(data.resolve(relative));
            }
            readTree(data.resolve("pg_wal"), "pg_wal/");
        } else {
            String url = TestBackends.properties().get("bar.database.url");
            Path file = Path.of(url.substring("jdbc:h2:file:".length(), url.indexOf(';')) + ".mv.db");
            read(file, "H2 file " + file.getFileName());
        }
        readTree(ShareFiles.blobRoot(), "blob store/");
        return this;
    }

    /** What the attack got out of the leftovers for these shares: keys that opened, plaintexts, names. */
    List<String> findings(Set<String> shareIds, String plaintext, String filename) {
        List<String> found = new ArrayList<>();
        byte[] plain = plaintext.getBytes(StandardCharsets.UTF_8);
        byte[] name = filename.getBytes(StandardCharsets.UTF_8);
        Map<String, List<DataKey>> keys = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> source : sources.entrySet()) {
            if (ShareFiles.contains(source.getValue(), plain)) {
                found.add("the plaintext as it is in " + source.getKey());
            }
            if (ShareFiles.contains(source.getValue(), name)) {
                found.add("the filename in " + source.getKey());
            }
            for (String candidate : candidates(source.getValue(), WRAPPED_KEY, 0)) {
                for (String id : shareIds) {
                    for (int at = 0; at + 80 <= candidate.length(); at++) {
                        DataKey key = tryOpen(id, candidate.substring(at, at + 80));
                        if (key != null) {
                            found.add("the data key of " + id + " from " + source.getKey());
                            keys.computeIfAbsent(id, k -> new ArrayList<>()).add(key);
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, List<DataKey>> entry : keys.entrySet()) {
            for (DataKey key : entry.getValue()) {
                for (Map.Entry<String, byte[]> source : sources.entrySet()) {
                    if (decrypts(key, entry.getKey(), source.getValue(), plain)) {
                        found.add("the content of " + entry.getKey() + " decrypted from " + source.getKey());
                    }
                }
                key.destroy();
            }
        }
        return found;
    }

    private boolean decrypts(DataKey key, String shareId, byte[] haystack, byte[] plain) {
        Set<String> inlines = candidates(haystack, INLINE, 1);
        try { // a secrets blob keeps a text's sealed bytes raw, not as base64url
            String stored = ShareSecrets.decode(haystack).inline();
            if (stored != null && InlineContent.isWhole(stored)) {
                inlines.add(stored.substring(InlineContent.WHOLE.length()));
            }
        } catch (IllegalArgumentException notOne) {
            // not a secrets blob
        }
        for (String inline : inlines) {
            byte[] sealed = OpaqueTokens.decodeBase64Url(inline);
            try (InputStream in = cipher.openWhole(key, sealed, shareId)) {
                if (ShareFiles.contains(in.readAllBytes(), plain)) {
                    return true;
                }
            } catch (IOException | RuntimeException e) {
                // not this one
            }
        }
        try (InputStream in = cipher.decrypting(key, new ByteArrayInputStream(haystack), shareId)) {
            return ShareFiles.contains(in.readAllBytes(), plain);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private DataKey tryOpen(String shareId, String candidate) {
        try {
            return envelope.open(shareId, new SealedKey(envelope.newestKid(), candidate, false), null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Set<String> candidates(byte[] haystack, Pattern pattern, int group) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = pattern.matcher(new String(haystack, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            out.add(m.group(group));
        }
        return out;
    }

    private void readSegments(Path first) {
        Path dir = first.getParent();
        String name = first.getFileName().toString();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().equals(name) || f.getFileName().toString().startsWith(name + ".")
                    || f.getFileName().toString().startsWith(name + "_"))
                    .forEach(f -> read(f, "PostgreSQL data file " + dir.getFileName() + "/" + f.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readTree(Path root, String label) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(f -> read(f, label + root.relativize(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read(Path file, String label) {
        try {
            sources.put(label, Files.readAllBytes(file));
        } catch (java.nio.file.NoSuchFileException gone) {
            // removed while we listed (a segment recycled, a blob deleted)
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
