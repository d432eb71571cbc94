package app.bar.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import app.bar.support.TestNodes;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A revoked session's access tokens die at once on the node that revoked it and on every other
 * node within 5 s (ASVS 7.4.1; issue #3 item 7): two app instances on one database (and, in the
 * external run, one Redis carrying the revocation notice).
 */
@BarIntegrationTest
class RevocationIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    TestHttp http;
    AccountFixtures fixtures;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        fixtures = new AccountFixtures(context, http);
    }

    @Test
    void logoutWhenOnOneNodeThenAccessTokenRefusedThereAtOnceAndOnTheOtherWithinFiveSeconds() {
        try (TestNodes.Node other = TestNodes.start(Map.of())) {
            TestHttp otherHttp = other.http();
            AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());
            var first = otherHttp.get("/api/account", session.bearer());
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200); // now cached there

            assertThat(http.postJson("/api/auth/logout", "", session.bearer()).statusCode()).isEqualTo(204);
            long revokedAt = System.nanoTime();
            assertThat(http.get("/api/account", session.bearer()).statusCode()).isEqualTo(401);

            long refusedAfterMillis = -1;
            while (System.nanoTime() - revokedAt < 7_000_000_000L) {
                if (otherHttp.get("/api/account", session.bearer()).statusCode() == 401) {
                    refusedAfterMillis = (System.nanoTime() - revokedAt) / 1_000_000;
                    break;
                }
                sleep(100);
            }
            assertThat(refusedAfterMillis).as("ms until the other node refused").isBetween(0L, 5_000L);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
