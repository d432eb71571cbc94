package app.bar.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The embedded default's mail: one complete .eml file per message, readable by the owner only. */
@ExtendWith(OutputCaptureExtension.class)
class OutboxTransportTests {

    @TempDir
    Path outbox;

    @Test
    void deliverWhenCalledThenWritesOwnerOnlyEmlFile() throws Exception {
        OutboxTransport transport = new OutboxTransport(outbox);
        MimeMessage message = transport.newMessage();
        message.setFrom(new InternetAddress("bar@localhost"));
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "ann@example.test");
        message.setSubject("Verify your address");
        message.setText("https://bar.example.test/verify#token");
        transport.deliver(message);

        List<Path> files;
        try (Stream<Path> list = Files.list(outbox)) {
            files = list.toList();
        }
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).endsWith(".eml");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0)))).isEqualTo("rw-------");
        assertThat(Files.readString(files.get(0))).contains("Subject: Verify your address", "To: ann@example.test");
    }

    @Test
    void deliverWhenWrittenThenLogsTheFilesAbsolutePath(CapturedOutput output) throws Exception {
        // issue 13 item 14: a developer opens the mail from the path in the log
        OutboxTransport transport = new OutboxTransport(outbox);
        MimeMessage message = transport.newMessage();
        message.setFrom(new InternetAddress("bar@localhost"));
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "ann@example.test");
        message.setText("hello");
        transport.deliver(message);

        Path written;
        try (Stream<Path> list = Files.list(outbox)) {
            written = list.findFirst().orElseThrow().toAbsolutePath();
        }
        assertThat(output.getOut()).contains("mail.written file=" + written);
    }
}
