package app.bar.share.owner;

import app.bar.account.AccountDirectory;
import app.bar.account.ShareOwnerContact;
import app.bar.mail.CatalogueMail;
import app.bar.mail.Mailer;
import app.bar.platform.error.BarProblem;
import app.bar.platform.web.PublicUrl;
import app.bar.share.ShareId;
import app.bar.share.core.ShareRepository;
import app.bar.share.core.ShareRow;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The owner mails a share's link (issue 18 item 4): each recipient gets a notice with the link as
 * the server knows it, {@code /s/{id}} — for a zero-knowledge share that is the link without its
 * key (the key lives in the fragment, which never reaches the server), so the mail says the key
 * comes apart; a server-mode share opens with that link as it is. With the sender's note (plain
 * text), who sent it and until when. Queued: the answer does not wait for SMTP. Each mail is a row
 * of the share's access log ({@code link_mailed}), and one the mail module could not hand over a
 * {@code link_mail_failed} row, so the owner sees it on the dashboard; no address is stored or logged.
 */
@Service
class ShareLinkMails {

    private static final Logger log = LoggerFactory.getLogger(ShareLinkMails.class);

    static final String MAILED = "link_mailed";
    static final String MAIL_FAILED = "link_mail_failed";

    private final ShareRepository shares;
    private final AccountDirectory accounts;
    private final AccessLog accessLog;
    private final Mailer mailer;
    private final PublicUrl publicUrl;
    private final Clock clock;

    ShareLinkMails(ShareRepository shares, AccountDirectory accounts, AccessLog accessLog, Mailer mailer,
            PublicUrl publicUrl, Clock clock) {
        this.shares = shares;
        this.accounts = accounts;
        this.accessLog = accessLog;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** What was queued: how many mails, and whether the mailed link opens the share by itself. */
    record Queued(int queued, boolean keyIncluded) {
    }

    /**
     * Mails {@code to} the link of the owner's share; 400 for bad input (nothing sent), 404 when the
     * share is not the caller's or cannot be opened any more.
     */
    Queued send(String accountId, String shareId, @Nullable List<@Nullable String> to, @Nullable String note,
            @Nullable String language) {
        List<String> recipients = LinkRecipients.addresses(to);
        String validNote = LinkRecipients.note(note);
        Instant now = clock.instant();
        ShareRow share = ShareId.parse(shareId).flatMap(shares::find).orElseThrow(BarProblem.NotFound::new);
        if (!accountId.equals(share.ownerId()) || !share.isOpenable(now)) {
            throw new BarProblem.NotFound();
        }
        ShareOwnerContact sender = accounts.contact(accountId).orElseThrow(BarProblem.NotFound::new);
        boolean keyApart = share.policy().zeroKnowledge();
        Map<String, Object> values = new HashMap<>();
        values.put("sender", sender(sender));
        values.put("expires", share.expiresAt()); // written as the mail's language writes a time, in UTC
        values.put("link", publicUrl.resolve("/s/" + share.id().value()));
        if (validNote != null) {
            values.put("note", validNote);
        }
        CatalogueMail mail = mail(validNote != null, keyApart);
        ShareId id = share.id();
        for (String recipient : recipients) {
            accessLog.record(id, MAILED, now);
            mailer.send(mail, language, recipient, values, () -> {
                log.warn("share.link_mail_failed");
                accessLog.record(id, MAIL_FAILED, clock.instant());
            });
        }
        log.info("share.link_mailed recipients={} key_apart={}", recipients.size(), keyApart);
        return new Queued(recipients.size(), !keyApart);
    }

    /** The notice: who sent it, until when, the link, the note if any, and how the key comes (zero-knowledge). */
    static CatalogueMail mail(boolean withNote, boolean keyApart) {
        CatalogueMail mail = CatalogueMail.subject("mail.share_link.subject").greeting()
                .paragraph("mail.share_link.body").button("mail.share_link.open", "link");
        if (withNote) {
            mail = mail.paragraph("mail.share_link.note");
        }
        return mail.paragraph(keyApart ? "mail.share_link.key_apart" : "mail.share_link.link_opens",
                "mail.share_link.unexpected");
    }

    /** "Ann Example (ann@example.com)", or the address alone: the recipient sees who vouches for the link. */
    private static String sender(ShareOwnerContact contact) {
        String name = contact.displayName();
        return name == null || name.isBlank() ? contact.email() : name.strip() + " (" + contact.email() + ")";
    }
}
