package app.bar.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Where a finished message goes: an SMTP server or the outbox directory. */
interface MailTransport {

    MimeMessage newMessage();

    void deliver(MimeMessage message) throws MessagingException, java.io.IOException;
}
