package app.bar.share.owner;

import static app.bar.share.ShareApi.aText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.bar.account.AccountFixtures;
import app.bar.account.MailBox;
import app.bar.share.ShareAccessed;
import app.bar.share.ShareApi;
import app.bar.share.ShareIntegrationTest;
import app.bar.support.EventPublications;
import app.bar.support.TestHttp;
import bartest.share.ShareTestSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Email me when one of my shares is opened" (issue 13 item 5): the account setting, off by
 * default, and the mail an opening sends (captured by the tests' SMTP server): when, the browser,
 * what is left, the owner's label if any; never the content, a key, a token or a filename.
 */
@ShareIntegrationTest
class ShareOpenedMailIT {

    private static final String SUBJECT = "One of your BAR shares was opened";
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ShareOpenedMails mails;
    @Autowired
    ShareTestSupport.RecordedShareEvents events;
    ShareApi api;

    @BeforeEach
    void setUp() {
        api = new ShareApi(new TestHttp(port), context);
    }

    private static String owner() {
        return "mail-owner-" + System.nanoTime();
    }

    private String email(String owner) {
        return jdbc.sql("select email from accounts where id = :id").param("id", api.accountId(owner))
                .query(String.class).single();
    }

    private HttpResponse<String> putNotifications(String owner, String json) {
        AccountFixtures.Session session = api.session(owner);
        return api.http().send(api.http().request("/api/account/notifications")
                .header("Content-Type", "application/json").header("Cookie", session.cookieAndCsrfHeaders()[1])
                .header("X-CSRF-Token", session.csrf()).PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private void optIn(String owner) {
        HttpResponse<String> on = putNotifications(owner, "{\"shareOpened\":true}");
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
    }

    private HttpResponse<String> getNotifications(String owner) {
        return api.http().get("/api/account/notifications", api.session(owner).cookieHeaders());
    }

    @Test
    void notificationsWhenNewAccountThenShareOpenedMailIsOff() {
        HttpResponse<String> settings = getNotifications(owner());
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(settings).get("shareOpened").asBoolean()).isFalse();
    }

    @Test
    void notificationsWhenSwitchedOnThenStoredAndReadBack() {
        String me = owner();
        optIn(me);
        assertThat(TestHttp.json(getNotifications(me)).get("shareOpened").asBoolean()).isTrue();
        assertThat(putNotifications(me, "{\"shareOpened\":false}").statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(getNotifications(me)).get("shareOpened").asBoolean()).isFalse();
    }

    @Test
    void notificationsWhenFieldMissingOrUnknownThen400AndUnchanged() {
        String me = owner();
        ShareApi.assertProblem(putNotifications(me, "{}"), 400, "request.invalid");
        ShareApi.assertProblem(putNotifications(me, "{\"shareOpened\":true,\"everything\":true}"), 400,
                "request.unknown_field");
        assertThat(TestHttp.json(getNotifications(me)).get("shareOpened").asBoolean()).isFalse();
    }

    @Test
    void notificationsWhenApiTokenInsteadOfSessionThenRefused() {
        String me = owner();
        HttpResponse<String> refused = api.http().send(api.http().request("/api/account/notifications")
                .header("Content-Type", "application/json").header("Authorization", api.as(me)[1])
                .PUT(HttpRequest.BodyPublishers.ofString("{\"shareOpened\":true}")).build());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(TestHttp.json(getNotifications(me)).get("shareOpened").asBoolean()).isFalse();
    }

    @Test
    void openWhenOwnerOptedInThenMailWithLabelBrowserAndViewsLeftButNoContent() {
        String me = owner();
        optIn(me);
        ShareApi.Created created = api.create(aText("the-secret-text").with("label", "Router password for Ann")
                .with("filename", "router.txt").with("maxViews", 3), api.as(me));
        api.content(created.id(), api.ticket(created.id()), "User-Agent", FIREFOX);
        MailBox.Mail mail = MailBox.await(email(me), SUBJECT);
        assertThat(mail.subject()).contains("Router password for Ann");
        assertThat(mail.text()).contains("\"Router password for Ann\" was opened", "in Firefox", "2 views are left",
                "/settings");
        assertThat(mail.text() + mail.html() + mail.subject()).doesNotContain("the-secret-text", "router.txt",
                created.id(), created.manageToken(), "127.0.0.1");
    }

    @Test
    void openWhenLastViewOfAZeroKnowledgeShareThenMailSaysDestroyedAndNamesNoFile() {
        String me = owner();
        optIn(me);
        ShareApi.Created created = api.create(ShareApi.aFile("hidden-name.pdf").zeroKnowledge(), api.as(me));
        assertThat(api.upload(created.id(), created.manageToken(), new byte[300]).statusCode()).isEqualTo(200);
        String ticket = api.ticket(created.id(), java.util.Map.of("linkAccessKey", ShareApi.LINK_ACCESS_KEY));
        assertThat(api.content(created.id(), ticket).statusCode()).isEqualTo(200);
        MailBox.Mail mail = MailBox.await(email(me), SUBJECT);
        assertThat(mail.subject()).isEqualTo(SUBJECT); // no label set: none in the mail
        assertThat(mail.text()).contains("one of your shares was opened", "That was its last view");
        assertThat(mail.text() + mail.html()).doesNotContain("hidden-name", ShareApi.LINK_ACCESS_KEY, created.id());
    }

    @Test
    void openWhenOwnerDidNotOptInThenNoMail() {
        String me = owner();
        String id = api.create(aText("quiet").with("label", "no mail please"), api.as(me)).id();
        api.read(id);
        EventPublications.awaitSettled(jdbc, id);
        assertThat(MailBox.received(email(me), SUBJECT)).isEmpty();
    }

    @Test
    void openWhenEventDeliveredAgainThenStillOneMail() {
        String me = owner();
        optIn(me);
        String id = api.create(aText("once").with("maxViews", 2), api.as(me)).id();
        api.read(id);
        MailBox.await(email(me), SUBJECT);
        ShareAccessed accessed = events.of(ShareAccessed.class, id).findFirst().orElseThrow();
        mails.on(accessed); // the registry delivers at least once: a second delivery after a crash
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(MailBox.received(email(me), SUBJECT)).hasSize(1));
    }

    @Test
    void openWhenOwnerOptedOutAgainThenNoMail() {
        String me = owner();
        optIn(me);
        assertThat(putNotifications(me, "{\"shareOpened\":false}").statusCode()).isEqualTo(200);
        String id = api.create(aText("quiet again"), api.as(me)).id();
        api.read(id);
        EventPublications.awaitSettled(jdbc, id);
        assertThat(MailBox.received(email(me), SUBJECT)).isEmpty();
    }
}
