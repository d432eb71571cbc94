package app.bar.account;

import org.jspecify.annotations.Nullable;

/**
 * Where to tell an account's owner about its shares (the share module's mails): the address, the
 * name to greet and the language of its mails (null: English). {@code toString()} leaves the address out.
 */
public record ShareOwnerContact(String email, @Nullable String displayName, @Nullable String language) {

    @Override
    public String toString() {
        return "ShareOwnerContact[]";
    }
}
