package app.bar.account;

import app.bar.mail.CatalogueMail;
import app.bar.mail.Mailer;
import app.bar.platform.web.PublicUrl;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The mails of account events, in the account's saved language ({@code accounts.language}; English
 * when it has none or one no longer offered), their words from {@code i18n/<lang>/mail.json}.
 * Links are built from {@code bar.public-url} only, never from the request's {@code Host} or
 * {@code X-Forwarded-Host}, and carry their token in the fragment ({@code #token=...}), which
 * browsers send to no server and put in no Referer; the page posts it to the API. Sending is
 * queued by the {@link Mailer}, so it costs the request no time a client could measure.
 */
@Component
class AccountMails {

    private static final CatalogueMail VERIFY = CatalogueMail.subject("mail.verify.subject").greeting()
            .paragraph("mail.verify.body").button("mail.verify.button", "link").paragraph("mail.verify.note");
    private static final CatalogueMail ALREADY_REGISTERED = CatalogueMail.subject("mail.already_registered.subject")
            .greeting().paragraph("mail.already_registered.body").urls("link");
    private static final CatalogueMail RESET = CatalogueMail.subject("mail.reset.subject").greeting()
            .paragraph("mail.reset.body").button("mail.reset.button", "link").paragraph("mail.reset.note");
    private static final CatalogueMail LOCKED = CatalogueMail.subject("mail.locked.subject").greeting()
            .paragraph("mail.locked.body").urls("link");
    private static final CatalogueMail PASSWORD_CHANGED = CatalogueMail.subject("mail.password_changed.subject")
            .greeting().paragraph("mail.password_changed.body").urls("link");

    private final Mailer mailer;
    private final PublicUrl publicUrl;

    AccountMails(Mailer mailer, PublicUrl publicUrl) {
        this.mailer = mailer;
        this.publicUrl = publicUrl;
    }

    void verification(String to, @Nullable String name, @Nullable String language, String token) {
        send(VERIFY, to, name, language, Map.of("link", publicUrl.resolve("/verify-email#token=" + token)));
    }

    void alreadyRegistered(String to, @Nullable String name, @Nullable String language) {
        send(ALREADY_REGISTERED, to, name, language, Map.of("link", publicUrl.resolve("/reset")));
    }

    void reset(String to, @Nullable String name, @Nullable String language, String token) {
        send(RESET, to, name, language, Map.of("link", publicUrl.resolve("/reset#token=" + token)));
    }

    void locked(String to, @Nullable String name, @Nullable String language, long minutes) {
        send(LOCKED, to, name, language, Map.of("link", publicUrl.resolve("/reset"), "count", minutes));
    }

    void passwordChanged(String to, @Nullable String name, @Nullable String language) {
        send(PASSWORD_CHANGED, to, name, language, Map.of("link", publicUrl.resolve("/reset")));
    }

    private void send(CatalogueMail mail, String to, @Nullable String name, @Nullable String language,
            Map<String, ?> values) {
        Map<String, Object> all = new HashMap<>(values);
        if (name != null && !name.isBlank()) {
            all.put("name", name);
        }
        mailer.send(mail, language, to, all);
    }
}
