package app.bar.share.request;

import app.bar.account.AccountDirectory;
import app.bar.account.ShareOwnerContact;
import app.bar.mail.CatalogueMail;
import app.bar.mail.Mailer;
import app.bar.platform.web.PublicUrl;
import app.bar.share.RequestFulfilled;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The requester's mail when a request asked for one ({@code notifyByEmail}) is answered: to the
 * account's address, in its language, when the request was made and answered, and a link to the
 * dashboard. Never the note (it may name what is asked for, and a mail passes through more hands
 * than the server), the answer, the share id or a key: only the open link the requester kept opens
 * the answer, and the mail says so. A module listener (after the answer's commit, retried from the
 * registry); mailed once however often the event comes: a conditional update marks the request.
 */
@Component
class RequestMails {

    private static final Logger log = LoggerFactory.getLogger(RequestMails.class);
    static final CatalogueMail MAIL = CatalogueMail.subject("mail.request_fulfilled.subject").greeting()
            .paragraph("mail.request_fulfilled.body").paragraph("mail.request_fulfilled.open")
            .links(new CatalogueMail.Link("mail.request_fulfilled.dashboard", "dashboard"));

    private final SecretRequests requests;
    private final SecretRequestRepository rows;
    private final AccountDirectory accounts;
    private final Mailer mailer;
    private final PublicUrl publicUrl;
    private final Clock clock;

    RequestMails(SecretRequests requests, SecretRequestRepository rows, AccountDirectory accounts, Mailer mailer,
            PublicUrl publicUrl, Clock clock) {
        this.requests = requests;
        this.rows = rows;
        this.accounts = accounts;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(RequestFulfilled event) {
        Optional<SecretRequest> request = requests.byId(event.requestId()).filter(SecretRequest::notifyByEmail);
        if (request.isEmpty()) {
            return; // not asked for (the default), or withdrawn since
        }
        Optional<ShareOwnerContact> contact = accounts.contact(event.ownerAccountId());
        if (contact.isEmpty() || !rows.markMailed(event.requestId(), clock.instant())) {
            return; // the account is gone or paused, or this event was mailed already
        }
        Map<String, Object> values = new HashMap<>();
        String name = contact.get().displayName();
        if (name != null && !name.isBlank()) {
            values.put("name", name);
        }
        values.put("made", request.get().createdAt());
        values.put("when", event.at());
        values.put("dashboard", publicUrl.resolve("/dashboard"));
        mailer.send(MAIL, contact.get().language(), contact.get().email(), values);
        log.info("request.mailed id={}", request.get().id());
    }
}
