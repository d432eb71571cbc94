package app.bar.share.owner;

import app.bar.account.AccountDirectory;
import app.bar.account.ShareOwnerContact;
import app.bar.mail.MailTemplate;
import app.bar.mail.Mailer;
import app.bar.platform.web.PublicUrl;
import app.bar.share.ShareAccessed;
import app.bar.share.core.ShareLabels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
 * family and what is left (the last view: destroyed now), and the owner's label if one was set;
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
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final String SUBJECT = "One of your BAR shares was opened";
    private static final MailTemplate OPENED = new MailTemplate(SUBJECT,
            "Hello {{name}},\n\none of your shares was opened at {{when}} in {{browser}}. {{left}}\n\n"
                    + "Your shares: {{dashboard}}\nStop these mails: {{settings}}\n",
            "<p>Hello {{name}},</p><p>one of your shares was opened at {{when}} in {{browser}}. {{left}}</p>"
                    + "<p><a href=\"{{dashboard}}\">Your shares</a> · <a href=\"{{settings}}\">Stop these mails</a></p>");
    private static final MailTemplate OPENED_LABELLED = new MailTemplate(SUBJECT + ": {{label}}",
            "Hello {{name}},\n\nyour share \"{{label}}\" was opened at {{when}} in {{browser}}. {{left}}\n\n"
                    + "Your shares: {{dashboard}}\nStop these mails: {{settings}}\n",
            "<p>Hello {{name}},</p><p>your share “{{label}}” was opened at {{when}} in {{browser}}. {{left}}</p>"
                    + "<p><a href=\"{{dashboard}}\">Your shares</a> · <a href=\"{{settings}}\">Stop these mails</a></p>");

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
        Map<String, String> values = new HashMap<>();
        String name = contact.get().displayName();
        values.put("name", name == null || name.isBlank() ? "there" : name);
        values.put("when", WHEN.format(event.at()));
        values.put("browser", event.browser() == null ? "an unknown browser" : event.browser());
        values.put("left", left(event.viewsLeft()));
        values.put("dashboard", publicUrl.resolve("/dashboard"));
        values.put("settings", publicUrl.resolve("/settings"));
        if (label != null) {
            values.put("label", label);
        }
        mailer.send((label == null ? OPENED : OPENED_LABELLED).render(contact.get().email(), values));
    }

    static String left(@Nullable Integer viewsLeft) {
        if (viewsLeft == null) {
            return "It has no view limit.";
        }
        if (viewsLeft == 0) {
            return "That was its last view: the share is destroyed.";
        }
        return viewsLeft == 1 ? "1 view is left." : viewsLeft + " views are left.";
    }
}
