package app.bar.share.create;

import app.bar.support.BarIntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * One application context with every {@code bar.policy.*} rule on (issue 20 item 2), for the
 * policy ITs over HTTP and in Chromium: anonymous creators must set a password, get at most 3 views
 * and no file shares; users at most 2 hours; OTP codes only to example.com; zero-knowledge only.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@BarIntegrationTest
@TestPropertySource(properties = {
        "bar.policy.require-password=anonymous",
        "bar.policy.require-zero-knowledge=true",
        "bar.policy.anonymous-file-shares=false",
        "bar.policy.otp-email-domains=example.com",
        "bar.policy.anonymous.max-views=3",
        "bar.policy.user.max-expiry=2h"})
public @interface SharePolicyTest {
}
