package app.bar.chat;

import static app.bar.support.TestHttp.json;
import static app.bar.support.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareIntegrationTest;
import app.bar.support.TestHttp;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;

/**
 * A room's socket over real WebSocket: the origin, the number of places, the frame size and the
 * message rate are enforced at the door or on the connection; frames reach the other participants
 * unread; burning ends every connection; and a message's text is in neither the log nor the database.
 */
@ShareIntegrationTest
class ChatSocketIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    app.bar.platform.web.PublicUrl publicUrl;

    TestHttp http;
    ListAppender<ILoggingEvent> log;
    final List<WebSocketSession> open = new ArrayList<>();

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        log = new ListAppender<>();
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void tearDown() throws IOException {
        root().detachAppender(log);
        for (WebSocketSession s : open) {
            if (s.isOpen()) {
                s.close();
            }
        }
    }

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    JsonNode openRoom() {
        HttpResponse<String> created = http.postJson("/api/chat/rooms", map());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    String own() {
        return publicUrl.base(); // the test backends' BAR_PUBLIC_URL, https://bar.example.test
    }

    /** A participant: its connection and every frame it received, and how it was closed. */
    record Client(String id, WebSocketSession session, BlockingQueue<String> frames, CompletableFuture<CloseStatus> closed) {

        JsonNode next(String type) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < end) {
                String f = frames.poll(200, TimeUnit.MILLISECONDS);
                if (f != null && TestHttp.JSON.readTree(f).get("type").asString().equals(type)) {
                    return TestHttp.JSON.readTree(f);
                }
            }
            throw new AssertionError("no '" + type + "' frame within 10 s");
        }

        void send(String text) throws IOException {
            session.sendMessage(new TextMessage(text));
        }

        CloseStatus closedWithin() throws Exception {
            return closed.get(10, TimeUnit.SECONDS);
        }
    }

    Client join(String roomId) throws Exception {
        return join(port, roomId);
    }

    Client join(int nodePort, String roomId) throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.setOrigin(own());
        StandardWebSocketClient client = new StandardWebSocketClient();
        WebSocketSession session = client.execute(new TextWebSocketHandler() {
            @Override
            protected void handleTextMessage(WebSocketSession s, TextMessage message) {
                frames.add(message.getPayload());
            }

            @Override
            public void afterConnectionClosed(WebSocketSession s, CloseStatus status) {
                closed.complete(status);
            }
        }, headers, URI.create("ws://127.0.0.1:" + nodePort + "/api/chat/rooms/" + roomId + "/socket"))
                .get(10, TimeUnit.SECONDS);
        session.setTextMessageSizeLimit(1 << 20);
        open.add(session);
        Client c = new Client("", session, frames, closed);
        return new Client(c.next("welcome").get("you").asString(), session, frames, closed);
    }

    /** The status line and body of a handshake sent by hand (refusals are plain HTTP answers). */
    String handshake(String roomId, String origin) throws IOException {
        return handshake(port, roomId, origin);
    }

    String handshake(int nodePort, String roomId, String origin) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", nodePort)) {
            socket.setSoTimeout(10_000);
            String request = "GET /api/chat/rooms/" + roomId + "/socket HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n")
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            try {
                while ((n = in.read(buffer)) > 0) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                // what arrived is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    int joined(String roomId) {
        return jdbc.sql("select joined from chat_rooms where id = :id").param("id", roomId).query(Integer.class).single();
    }

    @Test
    void handshakeWhenForeignOriginThen403AndNoPlaceTaken() throws Exception {
        String id = openRoom().get("id").asString();
        for (String origin : new String[] {"https://evil.example", "http://localhost:" + port, "null",
            own() + ".evil.example", own().replace("https:", "http:")}) {
            String answer = handshake(id, origin);
            assertThat(answer).as(origin).startsWith("HTTP/1.1 403").contains("chat.origin_refused");
        }
        assertThat(handshake(id, null)).startsWith("HTTP/1.1 403");
        assertThat(joined(id)).isZero();
        assertThat(jdbc.sql("select count(*) from security_events where type = 'chat.refused' and detail like :d")
                .param("d", "%origin%" + id + "%").query(Integer.class).single()).isEqualTo(6);
    }

    @Test
    void handshakeWhenRoomFullThen409AndThirdRefused() throws Exception {
        String id = openRoom().get("id").asString();
        join(id);
        join(id);
        String third = handshake(id, own());
        assertThat(third).startsWith("HTTP/1.1 409").contains("chat.room_full");
        assertThat(joined(id)).isEqualTo(2);
    }

    @Test
    void handshakeWhenRoomUnknownThen404() throws Exception {
        assertThat(handshake("AAAAAAAAAAAAAAAAAAAAAA", own())).startsWith("HTTP/1.1 404").contains("resource.not_found");
    }

    @Test
    void relayWhenTwoParticipantsThenFrameReachesTheOtherAndIsKeptNowhere() throws Exception {
        String id = openRoom().get("id").asString();
        Client alice = join(id);
        Client bob = join(id);
        assertThat(alice.next("joined").get("id").asString()).isEqualTo(bob.id());
        String marker = "PLAINTEXT-MARKER-" + java.util.UUID.randomUUID();
        alice.send(marker);
        JsonNode got = bob.next("msg");
        assertThat(got.get("data").asString()).isEqualTo(marker);
        assertThat(got.get("from").asString()).isEqualTo(alice.id());
        JsonNode echo = alice.next("msg"); // the sender's copy: its confirmation that the room has it
        assertThat(echo.get("from").asString()).isEqualTo(alice.id());
        bob.send(marker + "-reply");
        JsonNode reply = alice.next("msg");
        assertThat(reply.get("data").asString()).isEqualTo(marker + "-reply");
        assertThat(reply.get("from").asString()).isEqualTo(bob.id());
        assertThat(jdbc.sql("select count(*) from security_events where type = 'chat.joined' and detail like :d")
                .param("d", "%" + id + "%").query(Integer.class).single()).isEqualTo(2);

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains(marker));
        assertThat(databaseText()).doesNotContain(marker);
    }

    @Test
    void leaveWhenParticipantDisconnectsThenOthersToldAndPlaceFree() throws Exception {
        String id = openRoom().get("id").asString();
        Client alice = join(id);
        Client bob = join(id);
        bob.session().close();
        alice.next("left");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (joined(id) != 1 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(joined(id)).isEqualTo(1);
        join(id);
    }

    @Test
    void sendWhenFrameLargerThanMaxThenClosedTooBig() throws Exception {
        String id = openRoom().get("id").asString();
        Client alice = join(id);
        Client bob = join(id);
        alice.send("x".repeat(64 * 1024 + 1));
        assertThat(alice.closedWithin().getCode()).isEqualTo(CloseStatus.TOO_BIG_TO_PROCESS.getCode());
        assertThat(bob.frames()).noneMatch(f -> f.contains("xxxx"));
    }

    @Test
    void sendWhenFloodingThenClosedPolicyViolationAndRefusedEvent() throws Exception {
        String id = openRoom().get("id").asString();
        Client alice = join(id);
        for (int i = 0; i < 40 && alice.session().isOpen(); i++) {
            try {
                alice.send("m" + i);
            } catch (IOException | IllegalStateException e) {
                break;
            }
        }
        assertThat(alice.closedWithin().getCode()).isEqualTo(CloseStatus.POLICY_VIOLATION.getCode());
        assertThat(jdbc.sql("select count(*) from security_events where type = 'chat.refused' and detail like :d")
                .param("d", "%rate_limited%" + id + "%").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void burnWhenOwnerBurnsThenEveryoneToldAndDisconnectedAndLinkGone() throws Exception {
        JsonNode room = openRoom();
        String id = room.get("id").asString();
        Client alice = join(id);
        Client bob = join(id);
        HttpResponse<String> burned = http.method("DELETE", "/api/chat/rooms/" + id,
                "Authorization", "Bearer " + room.get("ownerToken").asString());
        assertThat(burned.statusCode()).isEqualTo(204);
        for (Client c : List.of(alice, bob)) {
            assertThat(c.next("burned").get("reason").asString()).isEqualTo("owner");
            assertThat(c.closedWithin().getCode()).isEqualTo(4000);
        }
        assertThat(handshake(id, own())).startsWith("HTTP/1.1 404");
        assertThat(http.get("/api/chat/rooms/" + id).statusCode()).isEqualTo(404);
    }

    /**
     * Two nodes on one PostgreSQL and Redis (the external run only): participants on different
     * nodes talk through Redis pub/sub, the places are counted once for both nodes, and a burn on
     * one node ends the connections on the other.
     */
    @Test
    void relayWhenParticipantsOnTwoNodesThenTheyTalkAndBurnEndsBoth() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(app.bar.support.TestBackends.EXTERNAL
                && app.bar.support.TestBackends.redisUrl() != null, "needs the external PostgreSQL and Redis");
        try (app.bar.support.TestNodes.Node second = app.bar.support.TestNodes.start(java.util.Map.of())) {
            JsonNode room = openRoom();
            String id = room.get("id").asString();
            Client alice = join(id);
            Client bob = join(second.port(), id);
            assertThat(alice.next("joined").get("id").asString()).isEqualTo(bob.id());
            assertThat(handshake(second.port(), id, own())).startsWith("HTTP/1.1 409");
            long[] nanos = new long[20];
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                alice.send("across " + i);
                assertThat(bob.next("msg").get("data").asString()).isEqualTo("across " + i);
                nanos[i] = System.nanoTime() - start;
            }
            java.util.Arrays.sort(nanos);
            org.slf4j.LoggerFactory.getLogger(ChatSocketIT.class).info("chat.cross_node_latency median_us={} max_us={}",
                    nanos[nanos.length / 2] / 1000, nanos[nanos.length - 1] / 1000);
            bob.send("back");
            JsonNode back = alice.next("msg");
            while (!back.get("from").asString().equals(bob.id())) {
                back = alice.next("msg");
            }
            assertThat(back.get("data").asString()).isEqualTo("back");
            assertThat(http.method("DELETE", "/api/chat/rooms/" + id,
                    "Authorization", "Bearer " + room.get("ownerToken").asString()).statusCode()).isEqualTo(204);
            assertThat(bob.next("burned").get("reason").asString()).isEqualTo("owner");
            assertThat(bob.closedWithin().getCode()).isEqualTo(4000);
            assertThat(alice.closedWithin().getCode()).isEqualTo(4000);
        }
    }

    /** Every value of every row of every table of the application's schema, as text. */
    private String databaseText() {
        StringBuilder all = new StringBuilder();
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where lower(table_schema) = lower(current_schema) and lower(table_type) in ('base table', 'table')""")
                .query(String.class).list();
        assertThat(tables).anyMatch(t -> t.equalsIgnoreCase("chat_rooms"));
        for (String table : tables) {
            jdbc.sql("select * from " + table).query(rs -> {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    all.append(v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(v)).append('\n');
                }
            });
        }
        return all.toString();
    }
}
