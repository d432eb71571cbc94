package app.bar.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Opening rooms is limited per anonymous client IP ({@code bar.rate-limits.chat-create}): past the
 * limit the answer is a 429 problem with {@code Retry-After}, recorded as {@code rate_limit.exceeded}
 * with the policy {@code chat-create}, and no room is opened.
 */
@BarIntegrationTest
@TestPropertySource(properties = "bar.rate-limits.chat-create=2/1h")
class ChatRateLimitIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void openWhenAnonymousIpOverTheLimitThen429WithRetryAfterAndNoRoom() {
        TestHttp http = new TestHttp(port);
        long roomsBefore = jdbc.sql("select count(*) from chat_rooms").query(Long.class).single();
        HttpResponse<String> refused = null;
        int opened = 0;
        // the bucket may already hold this IP's earlier rooms on the shared Redis of the external run
        for (int i = 0; i < 3 && refused == null; i++) {
            HttpResponse<String> answer = http.postJson("/api/chat/rooms", Map.of());
            if (answer.statusCode() == 429) {
                refused = answer;
            } else {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                opened++;
            }
        }
        assertThat(refused).as("the third room of the hour at the latest is refused").isNotNull();
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"code\":\"rate_limit.exceeded\"");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(jdbc.sql("select count(*) from chat_rooms").query(Long.class).single())
                .as("only the rooms answered 201").isEqualTo(roomsBefore + opened);
        String requestId = refused.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(jdbc.sql("select detail from security_events where type = 'rate_limit.exceeded' and request_id = :id")
                .param("id", requestId).query(String.class).single()).contains("chat-create");
    }
}
