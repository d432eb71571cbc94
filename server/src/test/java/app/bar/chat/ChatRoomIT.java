package app.bar.chat;

import static app.bar.support.TestHttp.json;
import static app.bar.support.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareIntegrationTest;
import app.bar.support.TestHttp;
import bartest.share.ShareTestSupport.MovableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The room API over real HTTP: open, status, burn by the owner, expiry, and the refusals. */
@ShareIntegrationTest
class ChatRoomIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;
    @Autowired
    ChatRooms rooms;

    TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
    }

    JsonNode open(Object body) {
        HttpResponse<String> created = http.postJson("/api/chat/rooms", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        return json(created);
    }

    @Test
    void openWhenNoFieldsThenTwoPlacesForAnHourAndOwnerTokenHashed() {
        JsonNode room = open(map());
        String id = room.get("id").asString();
        assertThat(room.get("maxParticipants").asInt()).isEqualTo(2);
        assertThat(room.get("url").asString()).endsWith("/c/" + id);
        String token = room.get("ownerToken").asString();
        assertThat(token).startsWith("bar_ct_");
        Instant expires = Instant.parse(room.get("expiresAt").asString());
        assertThat(Duration.between(clock.instant(), expires)).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
        String stored = jdbc.sql("select owner_token_hash from chat_rooms where id = :id").param("id", id)
                .query(String.class).single();
        assertThat(stored).isNotEqualTo(token).hasSize(64);

        JsonNode status = json(http.get("/api/chat/rooms/" + id));
        assertThat(status.get("joined").asInt()).isZero();
        assertThat(status.has("ownerToken")).isFalse();
    }

    @Test
    void openWhenLifetimeOrPlacesOutOfRangeThen400NamingTheFieldAndNothingStored() {
        long before = rowCount();
        for (Object[] bad : new Object[][] {{"lifetimeSeconds", 24 * 3600 + 1}, {"lifetimeSeconds", 10},
            {"maxParticipants", 11}, {"maxParticipants", 1}}) {
            HttpResponse<String> response = http.postJson("/api/chat/rooms", map(bad[0], bad[1]));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            JsonNode error = json(response).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo(bad[0]);
            assertThat(error.get("code").asString()).isEqualTo("field.out_of_range");
        }
        assertThat(rowCount()).isEqualTo(before);
    }

    @Test
    void openWhenTenPlacesAndADayThenAccepted() {
        JsonNode room = open(map("maxParticipants", 10, "lifetimeSeconds", 24 * 3600));
        assertThat(room.get("maxParticipants").asInt()).isEqualTo(10);
    }

    @Test
    void burnWhenOwnerTokenThenGoneLikeAShare() {
        JsonNode room = open(map());
        String id = room.get("id").asString();
        HttpResponse<String> burned = http.method("DELETE", "/api/chat/rooms/" + id,
                "Authorization", "Bearer " + room.get("ownerToken").asString());
        assertThat(burned.statusCode()).as(burned.body()).isEqualTo(204);
        HttpResponse<String> after = http.get("/api/chat/rooms/" + id);
        assertThat(after.statusCode()).isEqualTo(404);
        assertThat(json(after).get("code").asString()).isEqualTo("resource.not_found");
        HttpResponse<String> never = http.get("/api/chat/rooms/AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(withoutRequestIds(after.body())).isEqualTo(withoutRequestIds(never.body()));
        assertThat(jdbc.sql("select count(*) from chat_rooms where id = :id").param("id", id).query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from security_events where type = 'chat.burned' and detail like :d")
                .param("d", "%" + id + "%").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void burnWhenTokenWrongOrMissingThenRefusedAndRoomStays() {
        JsonNode room = open(map());
        String id = room.get("id").asString();
        HttpResponse<String> missing = http.method("DELETE", "/api/chat/rooms/" + id);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(json(missing).get("code").asString()).isEqualTo("chat.owner_token_required");
        HttpResponse<String> wrong = http.method("DELETE", "/api/chat/rooms/" + id,
                "Authorization", "Bearer bar_ct_" + "x".repeat(43));
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(json(wrong).get("code").asString()).isEqualTo("resource.not_found");
        assertThat(http.get("/api/chat/rooms/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void statusWhenExpiredThenGoneAndSweepDeletesTheRow() {
        JsonNode room = open(map("lifetimeSeconds", 60));
        String id = room.get("id").asString();
        clock.advance(Duration.ofSeconds(61));
        assertThat(http.get("/api/chat/rooms/" + id).statusCode()).isEqualTo(404);
        assertThat(rooms.sweep()).isPositive();
        assertThat(jdbc.sql("select count(*) from chat_rooms where id = :id").param("id", id).query(Integer.class).single())
                .isZero();
    }

    @Test
    void joinWhenFullThenRoomFullAndCountedOnce() {
        String id = open(map()).get("id").asString();
        rooms.join(id);
        rooms.join(id);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> rooms.join(id)))
                .isInstanceOfSatisfying(app.bar.platform.error.BarProblem.class,
                        p -> assertThat(p.code()).isEqualTo("chat.room_full"));
        assertThat(json(http.get("/api/chat/rooms/" + id)).get("joined").asInt()).isEqualTo(2);
        rooms.leave(id);
        rooms.join(id);
    }

    private static String withoutRequestIds(String body) {
        return body.replaceAll("urn:bar:request:[A-Za-z0-9_-]+|\"requestId\":\"[^\"]*\"", "");
    }

    private long rowCount() {
        return jdbc.sql("select count(*) from chat_rooms").query(Long.class).single();
    }
}
