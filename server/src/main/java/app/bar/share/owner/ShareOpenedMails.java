package app.bar.share.owner;

import app.bar.account.AccountDirectory;
import app.bar.account.ShareOwnerContact;
import app.bar.mail.CatalogueMail;
import app.bar.mail.Mailer;
import app.bar.platform.web.PublicUrl;
import app.bar.share.ShareAccessed;
import app.bar.share.core.ShareLabels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * "Email me when one of my shares is opened" (issue 13 item 5): after a view of an owned share
 * committed, its owner gets a mail, if the account opted in. The mail names when, the browser
 * family and what is left (the last view: destroyed now), and the owner's label if one was set, in
 * the owner's language (issue 17);
 * never content, a key, a link, or a filename. A module listener (after the view's commit, on the
 * event executor, retried from the registry): the recipient's download neither waits for it nor
 * fails with it. Delivered at least once, mailed once: the event's access-log row is marked by a
 * conditional update, and only the caller that marked it sends. At most {@link #PER_SHARE_HOUR}
 * mails a share an hour, so re-opens cannot flood the owner's inbox.
 */
@Component
class ShareOpenedMails {

    private static final Logger log = LoggerFactory.getLogger(ShareOpenedMails.class);
    static final int PER_SHARE_HOUR = 10;

    private static final CatalogueMail.Link SHARES = new CatalogueMail.Link("mail.share_opened.dashboard", "dashboard");
    private static final CatalogueMail.Link STOP = new CatalogueMail.Link("mail.share_opened.settings", "settings");

    private final AccountDirectory accounts;
    private final AccessLog accessLog;
    private final ShareLabels labels;
    private final Mailer mailer;
    private final PublicUrl publicUrl;
    private final Clock clock;

    ShareOpenedMails(AccountDirectory accounts, AccessLog accessLog, ShareLabels labels,
            Mailer mailer, PublicUrl publicUrl, Clock clock) {
        this.accounts = accounts;
        this.accessLog = accessLog;
        this.labels = labels;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @ApplicationModuleListener(condition = "#event.ownerAccountId() != null")
    void on(ShareAccessed event) {
        Optional<ShareOwnerContact> contact = accounts.shareOpenedContact(Objects.requireNonNull(event.ownerAccountId()));
        if (contact.isEmpty()) {
            return; // not asked for (the default), or the account is gone or paused
        }
        Instant now = clock.instant();
        if (accessLog.ownerNotifiedSince(event.shareId(), now.minus(Duration.ofHours(1))) >= PER_SHARE_HOUR) {
            log.info("share.open_mail_skipped reason=hourly_cap");
            return;
        }
        if (!accessLog.markOwnerNotified(event.eventId(), now)) {
            return; // this event was mailed already (a second delivery), or its share's log is gone
        }
        String label = labels.find(event.shareId()).orElse(null);
        Map<String, Object> values = new HashMap<>();
        String name = contact.get().displayName();
        if (name != null && !name.isBlank()) {
            values.put("name", name);
        }
        values.put("when", event.at()); // written as the mail's language writes a date and time
        values.put("browser", event.browser() == null
                ? CatalogueMail.Phrase.of("mail.share_opened.unknown_browser") : event.browser());
        values.put("dashboard", publicUrl.resolve("/dashboard"));
        values.put("settings", publicUrl.resolve("/settings"));
        if (event.viewsLeft() != null) {
            values.put("count", event.viewsLeft());
        }
        if (label != null) {
            values.put("label", label);
        }
        mailer.send(mail(label != null, event.viewsLeft()), contact.get().language(), contact.get().email(), values);
    }

    /** The mail: with the owner's label or without, and what is left of the share (its plural needs {@code count}). */
    static CatalogueMail mail(boolean labelled, @Nullable Integer viewsLeft) {
        String left = viewsLeft == null ? "mail.share_opened.left.unlimited"
                : viewsLeft == 0 ? "mail.share_opened.left.last" : "mail.share_opened.left.some";
        return CatalogueMail.subject(labelled ? "mail.share_opened.subject_labelled" : "mail.share_opened.subject")
                .greeting().paragraph(labelled ? "mail.share_opened.body_labelled" : "mail.share_opened.body", left)
                .links(SHARES, STOP);
    }
}
