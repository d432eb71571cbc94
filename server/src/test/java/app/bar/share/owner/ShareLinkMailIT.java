package app.bar.share.owner;

import static app.bar.share.ShareApi.aText;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.MailBox;
import app.bar.share.ShareApi;
import app.bar.share.ShareIntegrationTest;
import app.bar.support.TestHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Mailing a share's link (issue 18 item 4) over real HTTP, the mails caught by the tests' SMTP
 * server (GreenMail): a zero-knowledge share's link goes out without its key, a server-mode
 * share's link opens it as it is; only the owner may mail it, addresses are checked before anything
 * is sent, and the sender is rate limited.
 */
@ShareIntegrationTest
class ShareLinkMailIT {

    static final String SUBJECT = "sent you a secret on";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    ShareApi api;

    @BeforeEach
    void setUp() {
        api = new ShareApi(new TestHttp(port), context);
    }

    private static String owner() {
        return "link-mailer-" + System.nanoTime();
    }

    private static String address(String who) {
        return who + "-" + System.nanoTime() + "@example.test";
    }

    /** A zero-knowledge file share of {@code owner}, uploaded, so it can be opened. */
    private ShareApi.Created zeroKnowledgeShare(String owner) {
        ShareApi.Created created = api.create(ShareApi.aFile("plan.pdf").zeroKnowledge(), api.as(owner));
        assertThat(api.upload(created.id(), created.manageToken(), new byte[300]).statusCode()).isEqualTo(200);
        return created;
    }

    private HttpResponse<String> mail(String id, Map<String, Object> body, String... headers) {
        return api.http().postJson("/api/shares/" + id + "/mail", body, headers);
    }

    @Test
    void mailWhenOwnerNamesTwoRecipientsThenEachGetsTheLinkWithoutItsKey() {
        String me = owner();
        ShareApi.Created share = zeroKnowledgeShare(me);
        String ann = address("ann");
        String bob = address("bob");
        HttpResponse<String> sent = mail(share.id(), Map.of("to", List.of(ann, bob, ann.toUpperCase(java.util.Locale.ROOT)),
                "note", "The router <b>password</b>", "language", "en"), api.as(me));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(TestHttp.json(sent).get("queued").asInt()).isEqualTo(2); // the duplicate (another case) removed
        assertThat(TestHttp.json(sent).get("keyIncluded").asBoolean()).isFalse();
        for (String to : List.of(ann, bob)) {
            MailBox.Mail mail = MailBox.await(to, SUBJECT);
            assertThat(mail.text()).contains("https://bar.example.test/s/" + share.id(), "The router <b>password</b>",
                    "its key was left out of this mail", "until ");
            assertThat(mail.html()).contains("The router &lt;b&gt;password&lt;/b&gt;");
            assertThat(mail.text() + mail.html() + mail.subject()).doesNotContain("#", ShareApi.LINK_ACCESS_KEY,
                    share.manageToken(), "plan.pdf");
            assertThat(MailBox.received(to, SUBJECT)).hasSize(1);
        }
    }

    @Test
    void mailWhenSentThenOwnersAccessLogShowsEachMailAndNoAddress() {
        String me = owner();
        ShareApi.Created share = zeroKnowledgeShare(me);
        String ann = address("ann");
        assertThat(mail(share.id(), Map.of("to", List.of(ann, address("bob"))), api.as(me)).statusCode()).isEqualTo(202);
        HttpResponse<String> log = api.http().get("/api/shares/" + share.id() + "/events", api.as(me));
        List<String> outcomes = new ArrayList<>();
        TestHttp.json(log).get("events").forEach(e -> outcomes.add(e.get("outcome").asString()));
        assertThat(outcomes).containsExactly("link_mailed", "link_mailed");
        assertThat(log.body()).doesNotContain(ann, "example.test");
    }

    @Test
    void mailWhenServerModeShareThenTheMailedLinkOpensItAsItIs() {
        String me = owner();
        ShareApi.Created share = api.create(aText("server-held-secret"), api.as(me));
        String ann = address("ann");
        HttpResponse<String> sent = mail(share.id(), Map.of("to", List.of(ann)), api.as(me));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(TestHttp.json(sent).get("keyIncluded").asBoolean()).isTrue();
        MailBox.Mail mail = MailBox.await(ann, SUBJECT);
        assertThat(mail.text()).contains("https://bar.example.test/s/" + share.id(), "The link opens it by itself")
                .doesNotContain("server-held-secret", "key was left out");
    }

    @Test
    void mailWhenLanguageGivenThenWrittenInIt() {
        String me = owner();
        ShareApi.Created share = zeroKnowledgeShare(me);
        String ann = address("ann");
        assertThat(mail(share.id(), Map.of("to", List.of(ann), "language", "de"), api.as(me)).statusCode()).isEqualTo(202);
        MailBox.Mail mail = MailBox.await(ann, "Geheimnis");
        assertThat(mail.text()).contains("Der Schlüssel wurde absichtlich nicht in diese Mail aufgenommen")
                .doesNotContain("#");
    }

    @Test
    void mailWhenAnonymousThen401() {
        ShareApi.Created share = zeroKnowledgeShare(owner());
        ShareApi.assertProblem(mail(share.id(), Map.of("to", List.of(address("ann")))), 401, "auth.required");
    }

    @Test
    void mailWhenAnotherAccountsShareThen404LikeAnUnknownOne() {
        ShareApi.Created share = zeroKnowledgeShare(owner());
        String stranger = owner();
        String ann = address("ann");
        HttpResponse<String> foreign = mail(share.id(), Map.of("to", List.of(ann)), api.as(stranger));
        HttpResponse<String> unknown = mail("AAAAAAAAAAAAAAAAAAAAAA", Map.of("to", List.of(ann)), api.as(stranger));
        ShareApi.assertProblem(foreign, 404, "resource.not_found");
        assertThat(ShareApi.withoutRequestId(foreign.body())).isEqualTo(ShareApi.withoutRequestId(unknown.body()));
    }

    @Test
    void mailWhenShareBurnedThen404() {
        String me = owner();
        ShareApi.Created share = zeroKnowledgeShare(me);
        assertThat(api.burn(share.id(), api.as(me)).statusCode()).isEqualTo(204);
        ShareApi.assertProblem(mail(share.id(), Map.of("to", List.of(address("ann"))), api.as(me)), 404, "resource.not_found");
    }

    @Test
    void mailWhenAnAddressIsInvalidThen400AndNothingSent() {
        String me = owner();
        ShareApi.Created share = zeroKnowledgeShare(me);
        String good = address("good");
        HttpResponse<String> refused = mail(share.id(), Map.of("to", List.of(good, "not an address")), api.as(me));
        ShareApi.assertProblem(refused, 400, "request.invalid");
        assertThat(refused.body()).contains("\"field\":\"to[1]\"", "field.format");
        assertNothingSentTo(me, share, good);
    }

    @Test
    void mailWhenAnAddressCarriesAHeaderThen400AndNothingSent() {
        String me = owner();
        ShareApi.Created share = zeroKnowledgeShare(me);
        String victim = address("victim");
        String injected = address("ann") + "\r\nBcc: " + victim;
        HttpResponse<String> refused = mail(share.id(), Map.of("to", List.of(injected)), api.as(me));
        ShareApi.assertProblem(refused, 400, "request.invalid");
        assertThat(refused.body()).contains("\"field\":\"to[0]\"", "field.format");
        assertNothingSentTo(me, share, victim);
    }

    @Test
    void mailWhenElevenRecipientsThen400() {
        String me = owner();
        ShareApi.Created share = zeroKnowledgeShare(me);
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(address("r" + i));
        }
        HttpResponse<String> refused = mail(share.id(), Map.of("to", eleven), api.as(me));
        ShareApi.assertProblem(refused, 400, "request.invalid");
        assertThat(refused.body()).contains("\"field\":\"to\"", "field.size");
        assertNothingSentTo(me, share, eleven.get(0));
    }

    @Test
    void mailWhenNoRecipientThen400() {
        String me = owner();
        ShareApi.Created share = zeroKnowledgeShare(me);
        HttpResponse<String> refused = mail(share.id(), Map.of("to", List.of()), api.as(me));
        ShareApi.assertProblem(refused, 400, "request.invalid");
        assertThat(refused.body()).contains("\"field\":\"to\"", "field.required");
    }

    @Test
    void mailWhenNoteTooLongThen400() {
        String me = owner();
        ShareApi.Created share = zeroKnowledgeShare(me);
        HttpResponse<String> refused = mail(share.id(), Map.of("to", List.of(address("ann")), "note", "x".repeat(501)),
                api.as(me));
        ShareApi.assertProblem(refused, 400, "request.invalid");
        assertThat(refused.body()).contains("\"field\":\"note\"", "field.size");
    }

    @Test
    void mailWhenElevenRequestsInAnHourThenTheEleventhIs429() {
        String me = owner();
        ShareApi.Created share = zeroKnowledgeShare(me);
        for (int i = 0; i < 10; i++) {
            assertThat(mail(share.id(), Map.of("to", List.of(address("r" + i))), api.as(me)).statusCode()).isEqualTo(202);
        }
        String late = address("late");
        HttpResponse<String> limited = mail(share.id(), Map.of("to", List.of(late)), api.as(me));
        ShareApi.assertProblem(limited, 429, "rate_limit.exceeded");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(MailBox.received(late, SUBJECT)).isEmpty();
    }

    /**
     * Mails leave one queue in order: once a mail sent after the refused request arrived, the
     * refused request's addresses would have had theirs.
     */
    private void assertNothingSentTo(String me, ShareApi.Created share, String address) {
        String sentinel = address("sentinel");
        assertThat(mail(share.id(), Map.of("to", List.of(sentinel)), api.as(me)).statusCode()).isEqualTo(202);
        MailBox.await(sentinel, SUBJECT);
        assertThat(MailBox.received(address, "")).isEmpty();
    }
}
