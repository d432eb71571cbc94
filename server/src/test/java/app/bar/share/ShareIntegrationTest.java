package app.bar.share;

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
 * One application context for every share IT (same imports and properties, so Spring caches
 * it): small upload limits so limit tests stay fast, the movable clock and the test sign-in.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@BarIntegrationTest
@Import(ShareTestSupport.class)
@TestPropertySource(properties = {
        "bar.shares.anonymous-max-file-size=1MB",
        "bar.shares.max-file-size=8MB",
        "bar.shares.cleanup-interval=PT1H"})
public @interface ShareIntegrationTest {
}
