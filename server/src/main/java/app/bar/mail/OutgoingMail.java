package app.bar.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;

/**
 * One message to one recipient. The address must be a single plain address and the subject a
 * single line, so no user value can add a header (ASVS 1.3.11); bodies are built by templates
 * that escape user values.
 */
public record OutgoingMail(String to, String subject, String text, @Nullable String html) {

    public OutgoingMail {
        if (to.chars().anyMatch(c -> c == '\r' || c == '\n' || c == ',' || c == ';')) {
            throw new IllegalArgumentException("recipient must be one address on one line");
        }
        try {
            new InternetAddress(to, true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("recipient is not a valid address", e);
        }
        subject = subject.replaceAll("[\\r\\n]+", " ");
    }

    @Override
    public String toString() {
        return "OutgoingMail[subject=" + subject + "]"; // the address is personal data, the body may hold a link
    }
}
