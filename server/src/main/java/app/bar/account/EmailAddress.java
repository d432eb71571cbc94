package app.bar.account;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An account's email in its one stored form (trimmed, lower case), or nothing when it is not a
 * single plain address that mail can be sent to (ASVS 1.3.11: no value reaches a header unchecked).
 */
final class EmailAddress {

    static final int MAX_LENGTH = 254;

    private EmailAddress() {
    }

    static @Nullable String normalize(@Nullable String email) {
        if (email == null) {
            return null;
        }
        String e = email.strip().toLowerCase(Locale.ROOT);
        if (e.isEmpty() || e.length() > MAX_LENGTH || e.chars().anyMatch(c -> c < 0x21 || c == 0x7f || c == ',' || c == ';')) {
            return null;
        }
        int at = e.indexOf('@');
        if (at < 1 || at != e.lastIndexOf('@') || e.indexOf('.', at) < 0 || e.endsWith(".")) {
            return null;
        }
        try {
            new InternetAddress(e, true).validate();
        } catch (AddressException invalid) {
            return null;
        }
        return e;
    }
}
