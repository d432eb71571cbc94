package app.bar.account;

import org.jspecify.annotations.Nullable;

/**
 * Where to tell an account's owner about its shares (the share module's mails): the address and
 * the name to greet. {@code toString()} leaves the address out.
 */
public record ShareOwnerContact(String email, @Nullable String displayName) {

    @Override
    public String toString() {
        return "ShareOwnerContact[]";
    }
}
