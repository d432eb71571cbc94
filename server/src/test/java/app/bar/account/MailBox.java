package app.bar.account;


import app.bar.support.TestBackends;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/** Reads what GreenMail (the tests' real SMTP server) received for one address. */
public final class MailBox {

    private static final Pattern TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]+)");

    private MailBox() {
    }

    /** Waits up to 10 s for a mail to {@code to} whose subject contains {@code subject}; returns its text part. */
    public static Mail await(String to, String subject) {
        List<Mail> found = Awaitility.await("a mail to " + to + " with subject containing '" + subject + "'")
                .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> received(to, subject), mails -> !mails.isEmpty());
        return found.get(found.size() - 1);
    }

    /** Every mail to {@code to} with {@code subject} in its subject, oldest first. */
    public static List<Mail> received(String to, String subject) {
        List<Mail> mails = new ArrayList<>();
        try {
            for (MimeMessage message : TestBackends.smtp().getReceivedMessages()) {
                boolean toMatches = false;
                for (Address address : message.getAllRecipients()) {
                    toMatches |= address.toString().equalsIgnoreCase(to);
                }
                if (toMatches && message.getSubject().contains(subject)) {
                    mails.add(new Mail(message.getSubject(), text(message.getContent()), html(message.getContent())));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return mails;
    }

    private static String text(Object content) throws Exception {
        return part(content, "text/plain");
    }

    private static String html(Object content) throws Exception {
        return part(content, "text/html");
    }

    private static String part(Object content, String type) throws Exception {
        if (content instanceof String s) {
            return type.equals("text/plain") ? s : "";
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return (String) part.getContent();
                }
                String nested = part(part.getContent(), type);
                if (!nested.isEmpty()) {
                    return nested;
                }
            }
        }
        return "";
    }

    /** A received mail. */
    public record Mail(String subject, String text, String html) {
        /** The token in the mail's link ({@code ...#token=...}). */
        public String token() {
            Matcher m = TOKEN.matcher(text);
            if (!m.find()) {
                throw new AssertionError("no link token in the mail");
            }
            return m.group(1);
        }
    }
}
