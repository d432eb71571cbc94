package app.bar.share.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.bar.account.AccountDirectory;
import app.bar.account.ShareOwnerContact;
import app.bar.mail.Mailer;
import app.bar.platform.web.PublicUrl;
import app.bar.share.RequestFulfilled;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The requester's mail is claimed before it is handed over, given back when the mailer reports the send
 * failed, marked sent when it reports it handed over, and taken again when a claim outlived its lease.
 */
class RequestMailsTests {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00.123456Z");
    private static final String ID = "AAAAAAAAAAAAAAAAAAAAAA";

    private final SecretRequests requests = mock(SecretRequests.class);
    private final SecretRequestRepository rows = mock(SecretRequestRepository.class);
    private final AccountDirectory accounts = mock(AccountDirectory.class);
    private final Mailer mailer = mock(Mailer.class);
    private final RequestMails mails = new RequestMails(requests, rows, accounts, mailer, mock(PublicUrl.class),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final Instant claimed = Instant.parse("2026-12-05T10:00:00.123Z");

    @BeforeEach
    void setUp() {
        when(requests.byId(ID)).thenReturn(Optional.of(new SecretRequest(ID, "acc-1", "note", 10, 1, 3600, null, null, 0,
                SecretRequest.State.FULFILLED, "share-1", "eph", NOW, NOW.plusSeconds(3600), NOW, true)));
        when(accounts.contact("acc-1")).thenReturn(Optional.of(new ShareOwnerContact("me@example.test", null, "en")));
    }

    @Test
    void onFulfilledWhenSendFailsThenClaimGivenBackForTheNextSweep() {
        Mailer.Outcome outcome = sendOnFulfilled();
        verify(rows, never()).releaseMail(any(), any());

        outcome.failed();

        verify(rows).releaseMail(ID, claimed);
        verify(rows, never()).mailSent(any(), any());
    }

    @Test
    void onFulfilledWhenSentThenMarkedSentForGood() {
        Mailer.Outcome outcome = sendOnFulfilled();

        outcome.sent();

        verify(rows).mailSent(ID, claimed);
        verify(rows, never()).releaseMail(any(), any());
    }

    @Test
    void runOnceWhenClaimTakenElsewhereThenNothingSent() {
        when(rows.mailsToRetry(NOW.minus(RequestMails.CLAIM_LEASE), RequestMails.MAX_ATTEMPTS)).thenReturn(List.of(ID));
        when(rows.claimMail(eq(ID), any(), any(), anyInt())).thenReturn(false);

        assertThat(mails.runOnce(NOW)).isZero();

        verify(mailer, never()).send(any(), any(), any(), anyMap(), any(Mailer.Outcome.class));
    }

    private Mailer.Outcome sendOnFulfilled() {
        when(rows.claimMail(ID, claimed, claimed.minus(RequestMails.CLAIM_LEASE), RequestMails.MAX_ATTEMPTS))
                .thenReturn(true);
        mails.on(RequestFulfilled.of(ID, "acc-1", "share-1", NOW));
        ArgumentCaptor<Mailer.Outcome> outcome = ArgumentCaptor.forClass(Mailer.Outcome.class);
        verify(mailer).send(eq(RequestMails.MAIL), eq("en"), eq("me@example.test"), anyMap(), outcome.capture());
        return outcome.getValue();
    }
}
