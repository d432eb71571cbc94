package app.bar.account;

import app.bar.mail.MailTemplate;
import app.bar.mail.Mailer;
import app.bar.platform.web.PublicUrl;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The mails of account events. Links are built from {@code bar.public-url} only, never from
 * the request's {@code Host} or {@code X-Forwarded-Host}, and carry their token in the
 * fragment ({@code #token=...}), which browsers send to no server and put in no Referer; the
 * page posts it to the API. Sending is queued by the {@link Mailer}, so it costs the request
 * no time a client could measure.
 */
@Component
class AccountMails {

    private static final MailTemplate VERIFY = new MailTemplate(
            "Confirm your {{instance}} account",
            "Hello {{name}},\n\nconfirm your email address to finish creating your {{instance}} account:\n\n{{link}}\n\n"
                    + "The link works once, for 24 hours. If you did not sign up, ignore this mail.\n",
            "<p>Hello {{name}},</p><p>confirm your email address to finish creating your {{instance}} account:</p>"
                    + "<p><a href=\"{{link}}\">Confirm my address</a></p>"
                    + "<p>The link works once, for 24 hours. If you did not sign up, ignore this mail.</p>");
    private static final MailTemplate ALREADY_REGISTERED = new MailTemplate(
            "Someone tried to sign up with your address",
            "Hello {{name}},\n\nsomeone tried to create a {{instance}} account with this address, which already has one. "
                    + "If it was you, sign in or reset your password at {{link}}. Otherwise ignore this mail.\n",
            "<p>Hello {{name}},</p><p>someone tried to create a {{instance}} account with this address, which already has "
                    + "one. If it was you, sign in or <a href=\"{{link}}\">reset your password</a>. "
                    + "Otherwise ignore this mail.</p>");
    private static final MailTemplate RESET = new MailTemplate(
            "Reset your {{instance}} password",
            "Hello {{name}},\n\nset a new password for your {{instance}} account here:\n\n{{link}}\n\n"
                    + "The link works once, for 30 minutes, and signs out every session. "
                    + "If you did not ask for it, ignore this mail.\n",
            "<p>Hello {{name}},</p><p>set a new password for your {{instance}} account here:</p>"
                    + "<p><a href=\"{{link}}\">Reset my password</a></p><p>The link works once, for 30 minutes, "
                    + "and signs out every session. If you did not ask for it, ignore this mail.</p>");
    private static final MailTemplate LOCKED = new MailTemplate(
            "Your {{instance}} account was locked",
            "Hello {{name}},\n\nafter several wrong passwords your {{instance}} account is locked for {{minutes}} minutes. "
                    + "If that was not you, someone is guessing your password: you can still reset it at {{link}}\n",
            "<p>Hello {{name}},</p><p>after several wrong passwords your {{instance}} account is locked for {{minutes}} "
                    + "minutes. If that was not you, someone is guessing your password: you can still "
                    + "<a href=\"{{link}}\">reset it</a>.</p>");
    private static final MailTemplate PASSWORD_CHANGED = new MailTemplate(
            "Your {{instance}} password was changed",
            "Hello {{name}},\n\nthe password of your {{instance}} account was just changed and other sessions were signed "
                    + "out. If that was not you, reset it at {{link}}\n",
            "<p>Hello {{name}},</p><p>the password of your {{instance}} account was just changed and other sessions were "
                    + "signed out. If that was not you, <a href=\"{{link}}\">reset it</a>.</p>");

    private final Mailer mailer;
    private final PublicUrl publicUrl;

    AccountMails(Mailer mailer, PublicUrl publicUrl) {
        this.mailer = mailer;
        this.publicUrl = publicUrl;
    }

    void verification(String to, @Nullable String name, String token) {
        send(VERIFY, to, name, Map.of("link", publicUrl.resolve("/verify-email#token=" + token)));
    }

    void alreadyRegistered(String to, @Nullable String name) {
        send(ALREADY_REGISTERED, to, name, Map.of("link", publicUrl.resolve("/reset")));
    }

    void reset(String to, @Nullable String name, String token) {
        send(RESET, to, name, Map.of("link", publicUrl.resolve("/reset#token=" + token)));
    }

    void locked(String to, @Nullable String name, long minutes) {
        send(LOCKED, to, name, Map.of("link", publicUrl.resolve("/reset"), "minutes", Long.toString(minutes)));
    }

    void passwordChanged(String to, @Nullable String name) {
        send(PASSWORD_CHANGED, to, name, Map.of("link", publicUrl.resolve("/reset")));
    }

    private void send(MailTemplate template, String to, @Nullable String name, Map<String, String> values) {
        Map<String, String> all = new java.util.HashMap<>(values);
        all.put("name", name == null || name.isBlank() ? "there" : name);
        mailer.send(template, to, all);
    }
}
