package app.bar.mail;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Sends mail without making the caller wait or fail: {@link #send} queues the message and
 * returns at once, so a slow or broken SMTP server changes neither the answer nor its timing
 * (which would tell a known email from an unknown one). Failures are logged, redacted. Every
 * mail carries the operator's brand ({@code bar.branding.*}) under its body.
 */
public interface Mailer {

    void send(OutgoingMail mail);

    /**
     * Writes {@code mail} in {@code language} (English when it is null or not offered) for
     * {@code to} and sends it: {@code values} fill its placeholders (texts, numbers, or
     * {@link CatalogueMail.Phrase}s; {@code count} picks plural texts), the mail module fills
     * {@code {instance}} with the instance name ({@code bar.branding.name}).
     */
    void send(CatalogueMail mail, @Nullable String language, String to, Map<String, ?> values);

    /**
     * As {@link #send(CatalogueMail, String, String, Map)}, and then runs {@code onFailure} (on the
     * mail thread) when the message could not be handed over: the queue was full, or the SMTP server
     * (or the outbox) refused it. A later bounce is the receiving server's to report to the sender
     * address; this is what BAR itself can know.
     */
    default void send(CatalogueMail mail, @Nullable String language, String to, Map<String, ?> values, Runnable onFailure) {
        send(mail, language, to, values, Outcome.of(() -> { }, onFailure)); // only a failure is of interest
    }

    /**
     * As {@link #send(CatalogueMail, String, String, Map)}, and then tells {@code outcome} (on the
     * mail thread) whether the message was handed over (to the SMTP server or the outbox) or not.
     */
    void send(CatalogueMail mail, @Nullable String language, String to, Map<String, ?> values, Outcome outcome);

    /** What the mail module knows of one message once it tried: handed over, or not. */
    interface Outcome {
        /** The SMTP server (or the outbox) took the message. */
        void sent();

        /** The queue was full, or the SMTP server (or the outbox) refused the message. */
        void failed();

        /** The outcome that runs {@code sent} or {@code failed}. */
        static Outcome of(Runnable sent, Runnable failed) {
            return new Outcome() {
                @Override
                public void sent() {
                    sent.run();
                }

                @Override
                public void failed() {
                    failed.run();
                }
            };
        }
    }
}
