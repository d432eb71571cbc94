package app.bar.platform.secrets;

import java.util.List;
import java.util.Optional;

/**
 * An ordered set of keys with ids: the first entry is the newest and is used for new work
 * (signing, wrapping); every entry is still accepted for reading, so keys rotate without
 * breaking what the older ones protect.
 */
public final class KeyRing {

    private final List<Entry> entries;

    KeyRing(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a key ring needs at least one key");
        }
        this.entries = List.copyOf(entries);
    }

    public Entry newest() {
        return entries.get(0);
    }

    public Optional<Entry> find(String kid) {
        return entries.stream().filter(e -> e.kid().equals(kid)).findFirst();
    }

    public List<Entry> entries() {
        return entries;
    }

    @Override
    public String toString() {
        return "KeyRing" + entries.stream().map(Entry::kid).toList();
    }

    /** One key of a ring; {@code toString()} names the id only. */
    public static final class Entry {
        private final String kid;
        private final SecretBytes secret;

        public Entry(String kid, SecretBytes secret) {
            this.kid = kid;
            this.secret = secret;
        }

        public String kid() {
            return kid;
        }

        public SecretBytes secret() {
            return secret;
        }

        @Override
        public String toString() {
            return "KeyRing.Entry[" + kid + "]";
        }
    }
}
