package app.bar.mail;

import app.bar.platform.logging.LogRedactor;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/** The {@link Mailer}: builds the MIME message and hands it to the transport on two background threads. */
@Service
final class QueuedMailer implements Mailer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(QueuedMailer.class);
    /** Nobody asked; a failure is logged. */
    private static final Outcome NOTHING = Outcome.of(() -> { }, () -> { });

    private final MailTransport transport;
    private final MailBranding branding;
    private final MailTexts texts;
    private final String from;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 2, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000), r -> {
                Thread t = new Thread(r, "bar-mail");
                t.setDaemon(true);
                return t;
            });

    QueuedMailer(MailProperties properties, MailBranding branding, MailTexts texts) {
        this.branding = branding;
        this.texts = texts;
        this.transport = properties.smtp().enabled()
                ? new SmtpTransport(properties.smtp())
                : new OutboxTransport(properties.outbox());
        this.from = properties.from();
    }

    @Override
    public void send(CatalogueMail mail, @Nullable String language, String to, Map<String, ?> values) {
        send(mail, language, to, values, NOTHING);
    }

    @Override
    public void send(CatalogueMail mail, @Nullable String language, String to, Map<String, ?> values, Outcome outcome) {
        Map<String, Object> all = new HashMap<>(values);
        all.put(MailBranding.INSTANCE, branding.name());
        queue(texts.render(mail, language, to, all), outcome);
    }

    @Override
    public void send(OutgoingMail mail) {
        queue(mail, NOTHING);
    }

    private void queue(OutgoingMail mail, Outcome outcome) {
        OutgoingMail signed = branding.sign(mail);
        try {
            executor.execute(() -> tell(outcome, deliver(signed)));
        } catch (RejectedExecutionException e) {
            log.error("mail.dropped reason=queue_full to={}", LogRedactor.email(mail.to()));
            tell(outcome, false);
        }
    }

    private static void tell(Outcome outcome, boolean sent) {
        try {
            if (sent) {
                outcome.sent();
            } else {
                outcome.failed();
            }
        } catch (RuntimeException e) {
            log.error("mail.outcome_not_recorded sent={} error={}", sent, e.getClass().getSimpleName());
        }
    }

    /** True when the transport took the message. */
    private boolean deliver(OutgoingMail mail) {
        try {
            MimeMessage message = transport.newMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, mail.html() != null, StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(from, true));
            helper.setTo(new InternetAddress(mail.to(), true));
            helper.setSubject(mail.subject());
            if (mail.html() != null) {
                helper.setText(mail.text(), mail.html());
            } else {
                helper.setText(mail.text());
            }
            transport.deliver(message);
            log.info("mail.sent to={}", LogRedactor.email(mail.to()));
            return true;
        } catch (jakarta.mail.MessagingException | java.io.IOException | RuntimeException e) {
            // a background send fails into the log, never into a client's answer
            log.error("mail.failed to={} error={}", LogRedactor.email(mail.to()), e.getClass().getSimpleName());
            return false;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
