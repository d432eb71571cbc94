package app.bar.share.request;

import app.bar.account.AccountDirectory;
import app.bar.account.ShareOwnerContact;
import app.bar.mail.CatalogueMail;
import app.bar.mail.Mailer;
import app.bar.platform.web.PublicUrl;
import app.bar.share.RequestFulfilled;
import app.bar.share.lifecycle.CleanupStep;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
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
 * registry). Mailed once however often the event comes and however many nodes try: a conditional
 * update claims the mail ({@code mailed_at}) before it is handed to the mailer. A send the mailer
 * reports failed (queue full, SMTP or outbox refused it) gives the claim back, and the clean-up pass
 * (this class is one of its {@link CleanupStep}s) tries again, {@link #MAX_ATTEMPTS} times in all;
 * a send it reports done marks the mail sent ({@code mail_sent}). A claim with neither after
 * {@link #CLAIM_LEASE} (its node stopped while the mail waited in its queue) is taken again by the
 * clean-up pass: the mail may then come twice, but is not lost.
 */
@Component
class RequestMails implements CleanupStep {

    private static final Logger log = LoggerFactory.getLogger(RequestMails.class);
    /** Sends of one request's mail, the first included, before it is given up. */
    static final int MAX_ATTEMPTS = 5;
    /** How long a claim without an outcome is left to its node: far longer than a full mail queue takes. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(30);
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
        mail(event.requestId());
    }

    /** The clean-up pass's step: the mails whose send failed, tried again (each at most {@link #MAX_ATTEMPTS} times in all). */
    @Override
    public int runOnce(Instant now) {
        int sent = 0;
        for (String id : rows.mailsToRetry(now.minus(CLAIM_LEASE), MAX_ATTEMPTS)) {
            if (mail(id)) {
                sent++;
            }
        }
        return sent;
    }

    /** Claims the request's mail and hands it to the mailer; false when not asked for, not due or claimed elsewhere. */
    private boolean mail(String id) {
        Optional<SecretRequest> request = requests.byId(id).filter(SecretRequest::notifyByEmail);
        if (request.isEmpty()) {
            return false; // not asked for (the default), or withdrawn since
        }
        Optional<ShareOwnerContact> contact = accounts.contact(request.get().ownerAccountId());
        // millisecond precision: the claim is matched again by releaseMail, and both databases keep microseconds
        Instant claimed = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (contact.isEmpty() || !rows.claimMail(id, claimed, claimed.minus(CLAIM_LEASE), MAX_ATTEMPTS)) {
            return false; // the account is gone or paused, or this mail was sent (or is being sent) already
        }
        Map<String, Object> values = new HashMap<>();
        String name = contact.get().displayName();
        if (name != null && !name.isBlank()) {
            values.put("name", name);
        }
        values.put("made", request.get().createdAt());
        values.put("when", Objects.requireNonNullElse(request.get().fulfilledAt(), claimed));
        values.put("dashboard", publicUrl.resolve("/dashboard"));
        try {
            mailer.send(MAIL, contact.get().language(), contact.get().email(), values,
                    Mailer.Outcome.of(() -> rows.mailSent(id, claimed), () -> failed(id, claimed)));
        } catch (RuntimeException e) { // the mail could not even be written (an address the mail module refuses)
            failed(id, claimed);
            return false;
        }
        log.info("request.mailed id={}", id);
        return true;
    }

    private void failed(String id, Instant claimed) {
        rows.releaseMail(id, claimed);
        log.warn("request.mail_failed id={}", id); // the next clean-up pass tries again, up to MAX_ATTEMPTS in all
    }
}
