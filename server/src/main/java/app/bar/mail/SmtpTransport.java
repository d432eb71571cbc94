package app.bar.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** SMTP through Spring's {@link JavaMailSenderImpl}: TLS required unless {@code none}, short timeouts. */
final class SmtpTransport implements MailTransport {

    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();

    SmtpTransport(MailProperties.Smtp smtp) {
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        if (!smtp.username().isBlank()) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.password());
        }
        Properties p = new Properties();
        String protocol = smtp.tls() == MailProperties.Tls.SMTPS ? "smtps" : "smtp";
        sender.setProtocol(protocol);
        p.put("mail." + protocol + ".auth", Boolean.toString(!smtp.username().isBlank()));
        p.put("mail." + protocol + ".connectiontimeout", "5000");
        p.put("mail." + protocol + ".timeout", "10000");
        p.put("mail." + protocol + ".writetimeout", "10000");
        if (smtp.tls() == MailProperties.Tls.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (smtp.tls() != MailProperties.Tls.NONE) {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        sender.setJavaMailProperties(p);
    }

    @Override
    public MimeMessage newMessage() {
        return sender.createMimeMessage();
    }

    @Override
    public void deliver(MimeMessage message) throws MessagingException {
        sender.send(message);
    }
}
