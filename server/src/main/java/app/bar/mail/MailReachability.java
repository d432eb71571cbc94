package app.bar.mail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import org.springframework.stereotype.Component;

/**
 * Whether mail can leave, for the admin status page: a TCP connect to the SMTP server (2 s at
 * most), or whether the outbox directory is writable. Says nothing about the server's address.
 */
@Component
public final class MailReachability {

    /** {@code OUTBOX}: the embedded default writes files; the others are about SMTP. */
    public enum Status { UP, DOWN, OUTBOX }

    private final MailProperties properties;

    MailReachability(MailProperties properties) {
        this.properties = properties;
    }

    public Status check() {
        if (!properties.smtp().enabled()) {
            java.nio.file.Path outbox = properties.outbox();
            return !Files.exists(outbox) || Files.isWritable(outbox) ? Status.OUTBOX : Status.DOWN;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(properties.smtp().host(), properties.smtp().port()), 2000);
            return Status.UP;
        } catch (IOException | RuntimeException e) {
            return Status.DOWN;
        }
    }
}
