package app.bar.share.open;

import static app.bar.share.ShareApi.aText;
import static app.bar.share.ShareApi.assertProblem;
import static app.bar.share.ShareApi.assertDownloadHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareApi;
import app.bar.share.ShareId;
import app.bar.share.ShareIntegrationTest;
import app.bar.support.TestHttp;
import bartest.share.ShareTestSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Metadata, unlock, tickets and views (issue #4 items 5–7). */
@ShareIntegrationTest
class ShareOpenIT {

    @LocalServerPort
    int port;
    @Autowired
    ShareTestSupport.MovableClock clock;
    @Autowired
    ShareTestSupport.RecordingFaults faults;
    ShareApi api;

    @BeforeEach
    void setUp() {
        api = new ShareApi(new TestHttp(port));
    }

    @Test
    void metadataWhenRequestedThenPublicFieldsOnlyAndNoViewUsed() {
        String id = api.create(aText("secret").with("filename", "note.txt")).id();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = api.metadata(id);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = TestHttp.json(response);
            assertThat(body.get("kind").asString()).isEqualTo("text");
            assertThat(body.get("requiresPassword").asBoolean()).isFalse();
            assertThat(body.has("filename")).isFalse();
            assertThat(response.body()).doesNotContain("secret", "note.txt");
        }
        assertThat(api.read(id)).isEqualTo("secret");
    }

    @Test
    void contentWhenTextShareThenPlaintextAsSafeDownload() {
        String id = api.create(aText("tëxt <script>alert(1)</script>")).id();
        HttpResponse<byte[]> response = api.content(id, api.ticket(id));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("tëxt <script>alert(1)</script>");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", "").toLowerCase())
                .isEqualTo("text/plain;charset=utf-8");
        assertDownloadHeaders(response);
    }

    @Test
    void contentWhenRecordingTheAccessFailsThen500AndTheViewIsNotSpent() {
        String id = api.create(aText("read me once")).id(); // one view
        faults.failFor(id);
        try {
            assertThat(api.content(id, api.ticket(id)).statusCode()).isEqualTo(500);
        } finally {
            faults.heal(id);
        }
        // the view and its record commit together: without the record, the view was never taken
        assertThat(api.read(id)).isEqualTo("read me once");
        assertThat(api.metadata(id).statusCode()).isEqualTo(404);
    }

    @Test
    void unlockWhenPlainShareThenTicketValidSixtySeconds() {
        String id = api.create(aText("abc")).id();
        JsonNode body = TestHttp.json(api.unlock(id, Map.of()));
        assertThat(body.get("ticket").asString()).matches("[A-Za-z0-9_-]{43}");
        assertThat(body.get("expiresIn").asInt()).isEqualTo(60);
        assertThat(body.get("size").asInt()).isEqualTo(3);
    }

    @Test
    void contentWhenTicketUsedTwiceThenSecondRefused() {
        // ASVS 2.3.3: tickets are consumed atomically
        String id = api.create(aText("abc").with("maxViews", 5)).id();
        String ticket = api.ticket(id);
        assertThat(api.content(id, ticket).statusCode()).isEqualTo(200);
        assertProblem(api.content(id, ticket), 401, "ticket.expired");
    }

    @Test
    void contentWhenTicketOlderThanSixtySecondsThenRefused() {
        String id = api.create(aText("abc")).id();
        String ticket = api.ticket(id);
        clock.advance(Duration.ofSeconds(61));
        assertProblem(api.content(id, ticket), 401, "ticket.expired");
        assertThat(api.read(id)).isEqualTo("abc"); // no view was used
    }

    @Test
    void contentWhenTicketOfAnotherShareThenRefused() {
        String a = api.create(aText("a")).id();
        String b = api.create(aText("b")).id();
        assertProblem(api.content(b, api.ticket(a)), 401, "ticket.expired");
    }

    @Test
    void contentWhenTicketSentAsFormFieldThenStreams() {
        String id = api.create(aText("form")).id();
        HttpResponse<String> response = api.http().send(api.http().request("/api/shares/" + id + "/content")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("ticket=" + api.ticket(id))).build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("form");
    }

    @Test
    void contentWhenLastViewTakenThenShareGone() {
        String id = api.create(aText("twice").with("maxViews", 2)).id();
        assertThat(api.read(id)).isEqualTo("twice");
        assertThat(api.read(id)).isEqualTo("twice");
        assertThat(api.metadata(id).statusCode()).isEqualTo(404);
        assertThat(api.unlock(id, Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void contentWhenTicketsIssuedBeyondViewsThenOnlyViewsCountServed() {
        String id = api.create(aText("one")).id();
        String first = api.ticket(id);
        String second = api.ticket(id);
        assertThat(api.content(id, first).statusCode()).isEqualTo(200);
        assertProblem(api.content(id, second), 404, "resource.not_found");
    }

    @Test
    void contentWhenViewerReopensWithinRefreshWindowThenNoNewViewUsed() {
        String id = api.create(aText("refresh").with("viewRefreshMinutes", 10)).id();
        HttpResponse<byte[]> first = api.content(id, api.ticket(id));
        assertThat(first.statusCode()).isEqualTo(200);
        String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/api/shares/" + id);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        // the single view is used: a stranger sees nothing, the viewer re-opens
        assertThat(api.metadata(id).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> again = api.content(id, api.ticket(id, Map.of(), "Cookie", cookie), "Cookie", cookie);
        assertThat(new String(again.body(), StandardCharsets.UTF_8)).isEqualTo("refresh");
        clock.advance(Duration.ofMinutes(11));
        assertThat(api.unlock(id, Map.of(), "Cookie", cookie).statusCode()).isEqualTo(404);
    }

    @Test
    void goneWhenUnknownExpiredUsedOrBurnedThenIdentical404OnEveryEndpoint() {
        // nobody can tell an unknown share from an expired, used or burned one (DESIGN.md §1)
        String unknown = ShareId.random().value();
        String used = api.create(aText("u")).id();
        api.read(used);
        ShareApi.Created burned = api.create(aText("b"));
        assertThat(api.burn(burned.id(), "Authorization", "Bearer " + burned.manageToken()).statusCode()).isEqualTo(204);
        String expired = api.create(aText("e").with("expiresIn", 60)).id();
        String notUploaded = api.create(ShareApi.aFile("f.bin")).id();
        clock.advance(Duration.ofSeconds(61));
        String reference = null;
        for (String id : new String[] {unknown, used, burned.id(), expired, notUploaded, "not-an-id"}) {
            for (HttpResponse<String> r : new HttpResponse[] {api.metadata(id), api.unlock(id, Map.of()),
                    api.http().postJson("/api/shares/" + id + "/content", Map.of("ticket", "x".repeat(43))),
                    api.burn(id, "Authorization", "Bearer bar_mt_x")}) {
                assertProblem(r, 404, "resource.not_found");
                String body = ShareApi.withoutRequestId(r.body());
                if (reference == null) {
                    reference = body;
                }
                assertThat(body).isEqualTo(reference);
            }
        }
    }
}
