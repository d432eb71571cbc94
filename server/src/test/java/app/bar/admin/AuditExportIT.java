package app.bar.admin;

import static app.bar.share.ShareApi.aText;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.platform.SqlTime;
import app.bar.share.ShareApi;
import app.bar.share.ShareIntegrationTest;
import app.bar.support.TestHttp;
import bartest.share.ShareTestSupport;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The audit export over real HTTP (issue 20 item 3): security events and share lifecycle events
 * as NDJSON and CSV, filtered, paged by cursor, safe to open in a spreadsheet, for admins only.
 */
@ShareIntegrationTest
class AuditExportIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ShareTestSupport.MovableClock clock;
    ShareApi api;
    String[] admin;
    Instant start;

    @BeforeEach
    void setUp() {
        api = new ShareApi(new TestHttp(port), context);
        AccountFixtures fixtures = new AccountFixtures(context, api.http());
        admin = fixtures.login(fixtures.anAccount().admin().create()).cookieHeaders();
        start = clock.instant().minusSeconds(1);
    }

    private HttpResponse<String> export(String query, String... headers) {
        return api.http().get("/api/admin/audit?" + query, headers.length == 0 ? admin : headers);
    }

    private static String encoded(Object value) {
        return URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }

    private static List<JsonNode> lines(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body().lines().map(TestHttp.JSON::readTree).toList();
    }

    /** An owner who signed in, made a share and had it read once: security and share events. */
    private String[] ownerWithReadShare() {
        String me = "acct-audit-" + System.nanoTime();
        String id = api.create(aText("audited"), api.as(me)).id();
        assertThat(api.read(id)).isEqualTo("audited");
        return new String[] {api.accountId(me), id};
    }

    @Test
    void exportWhenNdjsonForOneAccountThenItsSecurityAndShareEventsOldestFirst() {
        String[] owner = ownerWithReadShare();
        HttpResponse<String> response = export("format=ndjson&account=" + owner[0] + "&from=" + encoded(start));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("application/x-ndjson"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        List<JsonNode> lines = lines(response);
        assertThat(lines).extracting(l -> l.get("source").asString() + " " + l.get("type").asString())
                .contains("security login.succeeded", "share share.opened", "share share.destroyed_views_used");
        assertThat(lines).allSatisfy(l -> assertThat(l.get("accountId").asString()).isEqualTo(owner[0]));
        List<Instant> times = lines.stream().map(l -> Instant.parse(l.get("occurredAt").asString())).toList();
        assertThat(times).isSorted();
        JsonNode opened = lines.stream().filter(l -> l.get("type").asString().equals("share.opened")).findFirst()
                .orElseThrow();
        assertThat(opened.get("shareRef").asString()).isEqualTo(AuditExport.shareRef(owner[1])).hasSize(32);
        assertThat(opened.get("clientIp").asString()).isEqualTo("127.0.***.***");
        // the id opens a server-mode share: the export names it only by reference
        assertThat(response.body()).doesNotContain(owner[1], "audited", "127.0.0.1");
    }

    @Test
    void exportWhenTypeAndSourceFilteredThenOnlyThoseEvents() {
        String[] owner = ownerWithReadShare();
        List<JsonNode> opened = lines(export("account=" + owner[0] + "&from=" + encoded(start) + "&type=share.opened"));
        assertThat(opened).extracting(l -> l.get("type").asString()).containsExactly("share.opened");
        List<JsonNode> security = lines(export("account=" + owner[0] + "&from=" + encoded(start) + "&source=security"));
        assertThat(security).isNotEmpty().allSatisfy(l -> assertThat(l.get("source").asString()).isEqualTo("security"));
        assertThat(lines(export("account=" + owner[0] + "&from=" + encoded(clock.instant().plusSeconds(60)) + "&to="
                + encoded(clock.instant().plusSeconds(120))))).isEmpty();
    }

    @Test
    void exportWhenPagedByCursorThenEveryEventOnceInTheSameOrder() {
        String[] owner = ownerWithReadShare();
        String filter = "account=" + owner[0] + "&from=" + encoded(start);
        List<String> whole = lines(export(filter)).stream().map(JsonNode::toString).toList();
        assertThat(whole).hasSizeGreaterThanOrEqualTo(3);

        List<String> paged = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> page = export(filter + "&limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            lines(page).forEach(l -> paged.add(l.toString()));
            cursor = page.headers().firstValue("BAR-Next-Cursor").orElseThrow();
            if (page.headers().firstValue("BAR-Has-More").orElseThrow().equals("false")) {
                break;
            }
        }
        assertThat(paged).isEqualTo(whole);
        HttpResponse<String> later = export(filter + "&cursor=" + cursor);
        assertThat(lines(later)).as("nothing new yet").isEmpty();
        assertThat(later.headers().firstValue("BAR-Next-Cursor")).as("the place is kept").hasValue(cursor);
    }

    @Test
    void exportWhenCsvThenHeaderRowsAndAttachment() {
        String[] owner = ownerWithReadShare();
        HttpResponse<String> response = export("format=csv&type=share.opened&account=" + owner[0] + "&from="
                + encoded(start));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"bar-audit.csv\"");
        List<String> rows = response.body().lines().toList();
        assertThat(rows.get(0)).isEqualTo("source,id,occurredAt,type,accountId,shareRef,clientIp,browser,requestId,detail");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).startsWith("share,").contains(",share.opened," + owner[0] + "," + AuditExport.shareRef(owner[1]));
    }

    /** OWASP CSV injection: a stored value that starts with a formula character is exported as text. */
    @Test
    void exportWhenCsvCellStartsWithFormulaCharacterThenNeutralised() {
        jdbc.sql("""
                insert into security_events (occurred_at, type, actor_id, client_ip, request_id, detail)
                values (:at, 'test.csv_injection', :actor, '+1', '-2+3', :detail)""")
                .param("at", SqlTime.of(clock.instant())).param("actor", "@SUM(1+1)")
                .param("detail", "=HYPERLINK(\"http://evil.example/\",\"open\")").update();
        HttpResponse<String> response = export("format=csv&type=test.csv_injection&from=" + encoded(start));
        String row = response.body().lines().skip(1).findFirst().orElseThrow();
        assertThat(row).contains(",\"'@SUM(1+1)\",", ",\"'+1\",", ",\"'-2+3\",",
                ",\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"open\"\")\"");
        assertThat(row.split(",")).noneMatch(cell -> cell.startsWith("=") || cell.startsWith("@")
                || cell.startsWith("+") || cell.startsWith("-"));
    }

    /** ASVS 8.2.1: function-level access control. */
    @Test
    void exportWhenNotAdminThen403AndAnonymous401() {
        AccountFixtures fixtures = new AccountFixtures(context, api.http());
        String[] user = fixtures.login(fixtures.anAccount().create()).cookieHeaders();
        ShareApi.assertProblem(export("format=ndjson", user), 403, "access.denied");
        ShareApi.assertProblem(api.http().get("/api/admin/audit?format=csv"), 401, "auth.required");
    }

    @Test
    void exportWhenParametersWrongThen400NamingThem() {
        assertInvalid(export("format=xml"), "format");
        assertInvalid(export("cursor=not-a-cursor"), "cursor");
        assertInvalid(export("type=DROP%20TABLE"), "type");
        assertInvalid(export("source=mail"), "source");
        assertInvalid(export("limit=5001"), "limit");
        assertInvalid(export("from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"), "to");
    }

    private static void assertInvalid(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    @Test
    void ownerAccessLogWhenShareDestroyedThenStillExportableAsCsvAndNdjson() {
        String me = "acct-log-" + System.nanoTime();
        String id = api.create(aText("logged"), api.as(me)).id();
        api.read(id);
        HttpResponse<String> csv = api.http().get("/api/shares/" + id + "/events?format=csv", api.as(me));
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body().lines().toList()).first().isEqualTo("at,outcome,ip,browser");
        assertThat(csv.body()).contains(",opened,127.0.***.***,", ",destroyed_views_used,");
        HttpResponse<String> ndjson = api.http().get("/api/shares/" + id + "/events?format=ndjson", api.as(me));
        assertThat(ndjson.body().lines().map(l -> TestHttp.JSON.readTree(l).get("outcome").asString()).toList())
                .containsExactly("opened", "destroyed_views_used");
        ShareApi.assertProblem(api.http().get("/api/shares/" + id + "/events?format=csv", api.as("someone-else-" + me)),
                404, "resource.not_found");
    }
}
