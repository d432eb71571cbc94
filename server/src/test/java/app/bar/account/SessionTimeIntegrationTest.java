package app.bar.account;

import app.bar.support.BarIntegrationTest;
import bartest.share.ShareTestSupport;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * One context for the session ITs that move time: the movable clock, access tokens of 1 minute
 * (the shortest allowed), an idle timeout of 80 s (so an access token, good for 60 s plus 30 s of
 * skew, outlives an idle session by 10 s: the window the per-request idle check closes) and a
 * re-authentication window of 30 s.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@BarIntegrationTest
@Import(ShareTestSupport.class)
@TestPropertySource(properties = {
        "bar.jwt.access-token-ttl=1m",
        "bar.accounts.session-idle-timeout=80s",
        "bar.accounts.reauthentication-window=30s"})
@interface SessionTimeIntegrationTest {
}
