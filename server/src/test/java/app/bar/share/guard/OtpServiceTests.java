package app.bar.share.guard;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.bar.crypto.DataKey;
import app.bar.mail.CatalogueMail;
import app.bar.mail.Mailer;
import app.bar.platform.ratelimit.RateLimiter;
import app.bar.share.ShareId;
import app.bar.share.ShareProperties;
import app.bar.share.core.ShareMeters;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Issue 17: the one-time code mail is in the language of the recipient's page, never the sender's. */
class OtpServiceTests {

    private final JdbcClient jdbc = JdbcClient.create(
            new DriverManagerDataSource("jdbc:h2:mem:otp-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    private final Mailer mailer = mock(Mailer.class);
    private final DataKey key = DataKey.random();
    private final ShareId share = ShareId.random();
    private final OtpService otp;

    OtpServiceTests() {
        jdbc.sql("create table share_otp_recipients (share_id varchar(22), email_hash varchar(64))").update();
        jdbc.sql("""
                create table share_otps (share_id varchar(22), email_hash varchar(64), code_hash varchar(64),
                expires_at timestamp with time zone, attempts integer, used boolean)""").update();
        RateLimiter limiter = mock(RateLimiter.class);
        when(limiter.tryConsume(anyString(), any(), anyString())).thenReturn(Duration.ZERO);
        ShareProperties properties = mock(ShareProperties.class);
        when(properties.otpTtl()).thenReturn(Duration.ofMinutes(10));
        otp = new OtpService(jdbc, mailer, limiter, mock(ShareMeters.class), properties, Clock.systemUTC());
        otp.saveRecipients(share, List.of("ann@example.com"), key);
    }

    @AfterEach
    void drop() {
        jdbc.sql("shutdown").update();
        key.close();
    }

    @Test
    void sendCodeWhenRecipientPageIsJapaneseThenMailInJapanese() {
        otp.sendCode(share, "ann@example.com", "ja", key);

        verify(mailer).send(any(CatalogueMail.class), eq("ja"), eq("ann@example.com"), anyMap());
    }

    @Test
    void sendCodeWhenRequestNamesNoLanguageThenMailerGetsNoneAndWritesEnglish() {
        otp.sendCode(share, "ann@example.com", null, key);

        verify(mailer).send(any(CatalogueMail.class), isNull(), eq("ann@example.com"), anyMap());
    }
}
