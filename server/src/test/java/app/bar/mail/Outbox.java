package app.bar.mail;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/** Reads the embedded default's dev outbox ({@code .eml} files), for tests that run without SMTP. */
public final class Outbox {

    private Outbox() {
    }

    /** Waits up to 10 s for the mail to {@code to} in {@code outbox}. */
    public static MimeMessage awaitMailTo(Path outbox, String to) {
        return Awaitility.await("an outbox mail to " + to).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> mailTo(outbox, to), Optional::isPresent).orElseThrow();
    }

    private static Optional<MimeMessage> mailTo(Path outbox, String to) throws Exception {
        if (!Files.isDirectory(outbox)) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(outbox)) {
            files = listed.filter(p -> p.toString().endsWith(".eml")).toList();
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                if (message.getAllRecipients()[0].toString().equals(to)) {
                    return Optional.of(message);
                }
            }
        }
        return Optional.empty();
    }
}
