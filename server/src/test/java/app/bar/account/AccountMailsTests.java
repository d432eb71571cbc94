package app.bar.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.bar.mail.CatalogueMail;
import app.bar.mail.Mailer;
import app.bar.platform.web.PublicUrl;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Issue 17: account mails are written in the account's saved language (the mailer falls back to English). */
class AccountMailsTests {

    private final Mailer mailer = mock(Mailer.class);
    private final PublicUrl publicUrl = mock(PublicUrl.class);
    private final AccountMails mails = new AccountMails(mailer, publicUrl);

    AccountMailsTests() {
        when(publicUrl.resolve(anyString())).thenAnswer(call -> "https://bar.example" + call.getArgument(0));
    }

    @Test
    void resetWhenAccountPrefersGermanThenMailerAskedForGerman() {
        mails.reset("ann@example.com", "Ann", "de", "tok");

        verify(mailer).send(any(CatalogueMail.class), eq("de"), eq("ann@example.com"), any());
    }

    @Test
    void lockedWhenAccountHasNoLanguageThenNoneAskedAndMinutesAreTheCount() {
        mails.locked("ann@example.com", null, null, 15);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> values = ArgumentCaptor.forClass(Map.class);
        verify(mailer).send(any(CatalogueMail.class), isNull(), eq("ann@example.com"), values.capture());
        assertThat(values.getValue()).containsEntry("count", (Object) 15L).doesNotContainKey("name");
    }
}
