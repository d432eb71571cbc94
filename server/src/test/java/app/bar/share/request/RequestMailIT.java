package app.bar.share.request;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.MailBox;
import app.bar.platform.SqlTime;
import app.bar.share.ShareApi;
import app.bar.share.ShareIntegrationTest;
import app.bar.share.lifecycle.ShareTestHooks;
import app.bar.support.EventPublications;
import app.bar.support.TestHttp;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The requester's mail when a request that asked for one is answered (issue 18): to the account's
 * address, saying when it was made and answered, linking the dashboard; never the note, the share
 * id or a key. Off by default. Captured by the tests' SMTP server.
 */
@ShareIntegrationTest
class RequestMailIT {

    private static final String SUBJECT = "Your BAR request for a secret was answered";
    private static final String NOTE = "root password of db-prod-3";
    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    ShareApi api;
    TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        api = new ShareApi(http, context);
    }

    private static String account() {
        return "req-mail-" + System.nanoTime();
    }

    private String email(String me) {
        return jdbc.sql("select email from accounts where id = :id").param("id", api.accountId(me)).query(String.class)
                .single();
    }

    private JsonNode create(String me, Map<String, Object> body) {
        HttpResponse<String> created = http.postJson("/api/requests", body, api.as(me));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestHttp.json(created);
    }

    private void answer(String id) {
        Map<String, Object> body = new HashMap<>();
        byte[] point = new byte[65];
        RANDOM.nextBytes(point);
        point[0] = 4;
        body.put("ephemeralPublic", b64(point));
        body.put("linkVerifier", b64(new byte[32]));
        body.put("text", b64(new byte[] {1, 2, 3}));
        HttpResponse<String> filled = http.postJson("/api/requests/" + id + "/fulfil", body);
        assertThat(filled.statusCode()).as(filled.body()).isEqualTo(204);
    }

    @Test
    void fulfilWhenNotifyByEmailThenRequesterMailedWhenMadeAndDashboardLinkWithoutNoteOrKey() {
        String me = account();
        JsonNode made = create(me, Map.of("note", NOTE, "notifyByEmail", true));
        assertThat(made.get("notifyByEmail").asBoolean()).isTrue();
        String id = made.get("id").asString();
        answer(id);

        MailBox.Mail mail = MailBox.await(email(me), SUBJECT);
        assertThat(mail.text()).contains("your request for a secret made at", "was answered at", "/dashboard",
                "use the open link you kept");
        String shareId = jdbc.sql("select share_id from secret_requests where id = :id").param("id", id)
                .query(String.class).single();
        assertThat(mail.text() + mail.html() + mail.subject()).doesNotContain(NOTE, "db-prod", shareId, "/r/");
        assertThat(mail.text()).doesNotContain("#"); // no link with a key fragment
    }

    @Test
    void fulfilWhenNotifyByEmailNotAskedThenNoMail() {
        String me = account();
        JsonNode made = create(me, Map.of("note", NOTE));
        assertThat(made.get("notifyByEmail").asBoolean()).isFalse();
        String id = made.get("id").asString();
        answer(id);
        EventPublications.awaitSettled(jdbc, id);
        assertThat(MailBox.received(email(me), SUBJECT)).isEmpty();
    }

    @Test
    void fulfilWhenMailFailsOnceThenNextSweepSendsItExactlyOnce() {
        String me = account();
        String address = email(me);
        String id = answeredAfterAFailedSend(me, address);

        ShareTestHooks.runCleanup(context);
        MailBox.await(address, SUBJECT);
        ShareTestHooks.runCleanup(context); // a second sweep (or a second node's) finds it claimed

        assertThat(mailState(id)).isEqualTo("2 claimed");
        assertThat(MailBox.received(address, SUBJECT)).hasSize(1);
    }

    @Test
    void fulfilWhenMailedThenMarkedSentAndNotTakenAgainAfterTheLease() {
        String me = account();
        String id = create(me, Map.of("notifyByEmail", true)).get("id").asString();
        answer(id);
        MailBox.await(email(me), SUBJECT);
        Awaitility.await("the mail server's answer recorded").atMost(Duration.ofSeconds(10)).until(() -> mailSent(id));

        claimedAgo(id, RequestMails.CLAIM_LEASE.plusMinutes(1));
        ShareTestHooks.runCleanup(context);

        assertThat(mailState(id)).isEqualTo("1 claimed");
        assertThat(MailBox.received(email(me), SUBJECT)).hasSize(1);
    }

    @Test
    void cleanUpWhenAClaimOutlivedItsLeaseWithoutAnOutcomeThenTheMailIsSentAfterAll() {
        // the node that claimed the mail stopped before the mail server answered: neither sent nor given back
        String me = account();
        String address = email(me);

        String id = cleanedUpAfterAStoppedNodesClaim(me, address, RequestMails.CLAIM_LEASE.plusMinutes(1));

        MailBox.await(address, SUBJECT);
        assertThat(mailState(id)).isEqualTo("2 claimed");
        Awaitility.await("the mail server's answer recorded").atMost(Duration.ofSeconds(10)).until(() -> mailSent(id));
    }

    @Test
    void cleanUpWhenAClaimIsWithinItsLeaseThenLeftToTheNodeSendingIt() {
        String me = account();

        String id = cleanedUpAfterAStoppedNodesClaim(me, email(me), RequestMails.CLAIM_LEASE.minusMinutes(1));

        assertThat(mailState(id)).isEqualTo("1 claimed"); // not claimed again: no second attempt counted
        assertThat(mailSent(id)).isFalse();
    }

    /** A request answered whose first send failed (given back, one attempt), the address then mended. */
    private String answeredAfterAFailedSend(String me, String address) {
        String id = create(me, Map.of("notifyByEmail", true)).get("id").asString();
        setEmail(me, "no-at-sign.example"); // the mail module refuses to write it: the first send fails
        answer(id);
        Awaitility.await("the failed send given back").atMost(Duration.ofSeconds(10))
                .until(() -> mailState(id), state -> state.equals("1 unclaimed"));
        setEmail(me, address);
        return id;
    }

    /**
     * A request answered after a failed send, then claimed {@code ago} by a node that stopped
     * before the mail server answered, then one clean-up pass.
     */
    private String cleanedUpAfterAStoppedNodesClaim(String me, String address, Duration ago) {
        String id = answeredAfterAFailedSend(me, address);
        claimedAgo(id, ago);
        ShareTestHooks.runCleanup(context);
        return id;
    }

    /** As a node does that claims the mail and then stops: {@code mailed_at} set, no outcome. */
    private void claimedAgo(String id, Duration ago) {
        Instant at = context.getBean(Clock.class).instant().minus(ago);
        jdbc.sql("update secret_requests set mailed_at = :at where id = :id").param("at", SqlTime.of(at)).param("id", id)
                .update();
    }

    private boolean mailSent(String id) {
        return jdbc.sql("select mail_sent from secret_requests where id = :id").param("id", id).query(Boolean.class)
                .single();
    }

    private void setEmail(String me, String address) {
        jdbc.sql("update accounts set email = :email where id = :id").param("email", address).param("id", api.accountId(me))
                .update();
    }

    /** How often the mail was tried, and whether it is claimed (sent or being sent). */
    private String mailState(String id) {
        return jdbc.sql("select mail_attempts, mailed_at from secret_requests where id = :id").param("id", id)
                .query((rs, n) -> rs.getInt(1) + (rs.getTimestamp(2) == null ? " unclaimed" : " claimed")).single();
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
