package app.bar.audit;

import app.bar.platform.SqlTime;
import app.bar.platform.logging.LogRedactor;
import app.bar.platform.ratelimit.RateLimitExceeded;
import app.bar.platform.web.ClientIp;
import app.bar.platform.web.RequestIds;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a security event: a row in {@code security_events}, a structured log line on the
 * {@code bar.security} logger and a {@code bar.security.events} counter tagged by type. The
 * client IP is stored redacted; detail values pass through the log redactor, so a caller that
 * slips an email or address in cannot store it whole.
 *
 * <p>The row joins the caller's transaction when there is one: record failures after the
 * state that goes with them is committed, not inside a transaction that will roll back.
 */
@Service
public class SecurityEvents {

    private static final Logger log = LoggerFactory.getLogger("bar.security");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;

    SecurityEvents(JdbcClient jdbc, JsonMapper json, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        // every type at zero from the start: a rate alert needs the series before the first event
        for (SecurityEventType type : SecurityEventType.values()) {
            meters.counter("bar.security.events", "type", type.code());
        }
    }

    public void record(SecurityEventType type, @Nullable String actorId, Map<String, ?> detail) {
        var request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
        String ip = request == null ? null : ClientIp.redacted(request);
        String requestId = request == null ? RequestIds.current() : RequestIds.of(request);
        record(type, actorId, ip, requestId, detail);
    }

    private void record(SecurityEventType type, @Nullable String actorId, @Nullable String redactedIp, String requestId,
            Map<String, ?> detail) {
        Map<String, String> safe = new TreeMap<>();
        detail.forEach((k, v) -> safe.put(k, LogRedactor.redactLine(String.valueOf(v))));
        String detailJson = json.writeValueAsString(safe);
        if (detailJson.length() > 2000) {
            detailJson = json.writeValueAsString(Map.of("truncated", "true"));
        }
        jdbc.sql("""
                insert into security_events (occurred_at, type, actor_id, client_ip, request_id, detail)
                values (:at, :type, :actor, :ip, :requestId, :detail)""")
                .param("at", SqlTime.of(clock.instant()))
                .param("type", type.code())
                .param("actor", actorId)
                .param("ip", redactedIp)
                .param("requestId", requestId)
                .param("detail", detailJson)
                .update();
        meters.counter("bar.security.events", "type", type.code()).increment();
        log.info("security.event type={} actor={} ip={} detail={}", type.code(), actorId == null ? "-" : actorId,
                redactedIp == null ? "-" : redactedIp, detailJson);
    }

    /**
     * A refused request changed nothing, so there is no transaction to join and no commit for
     * this row to follow: it is written at once, in the refusing thread, like any other security
     * event. (An {@code @ApplicationModuleListener} would never run here: it waits for a commit.)
     */
    @EventListener
    void on(RateLimitExceeded event) {
        record(SecurityEventType.RATE_LIMIT_EXCEEDED, null, event.redactedClient(), RequestIds.current(),
                Map.of("policy", event.policy()));
    }
}
