package app.bar.mail;

/**
 * Sends mail without making the caller wait or fail: {@link #send} queues the message and
 * returns at once, so a slow or broken SMTP server changes neither the answer nor its timing
 * (which would tell a known email from an unknown one). Failures are logged, redacted.
 */
public interface Mailer {

    void send(OutgoingMail mail);
}
