package app.bar.mail;

import app.bar.platform.secrets.StrongRandom;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: each message becomes {@code <outbox>/<time>-<random>.eml}, readable by the
 * owner only, and the log names the file by its absolute path (issue 13 item 14), so a developer
 * finds the verification link without knowing where the data directory is.
 */
final class OutboxTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(OutboxTransport.class);

    private final Path outbox;
    private final Session session = Session.getInstance(new Properties());

    OutboxTransport(Path outbox) {
        this.outbox = outbox;
    }

    @Override
    public MimeMessage newMessage() {
        return new MimeMessage(session);
    }

    @Override
    public void deliver(MimeMessage message) throws jakarta.mail.MessagingException, IOException {
        Files.createDirectories(outbox);
        byte[] random = new byte[6];
        StrongRandom.current().nextBytes(random);
        String name = System.currentTimeMillis() + "-" + HexFormat.of().formatHex(random);
        Path temp = Files.createFile(outbox.resolve(name + ".tmp"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(temp)) {
            message.writeTo(out);
        }
        Path eml = Files.move(temp, outbox.resolve(name + ".eml"), StandardCopyOption.ATOMIC_MOVE);
        log.info("mail.written file={}", eml.toAbsolutePath().normalize());
    }
}
