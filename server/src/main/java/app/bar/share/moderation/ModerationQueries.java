package app.bar.share.moderation;

import app.bar.platform.SqlTime;
import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.share.ShareModeration.DayCount;
import app.bar.share.ShareModeration.Filter;
import app.bar.share.ShareModeration.ListedShare;
import app.bar.share.core.ShareRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The moderation SQL. Selects named metadata columns only — never {@code filename},
 * {@code inline_content}, keys or verifiers — so no listing can carry a secret whatever the
 * filter. The where clause is put together from fixed fragments; values are bound, never written in.
 */
@Component
class ModerationQueries {

    private static final String COLUMNS = """
            id, kind, state, owner_id, created_at, expires_at, max_views, views_used, size_bytes, zero_knowledge,
            requires_password, require_otp, destroyed_at, destroy_reason""";
    private static final Map<String, String> STATES = Map.of("live", ShareRepository.LIVE_STATES,
            "pending", "('PENDING')", "uploading", "('UPLOADING')", "active", "('ACTIVE')",
            "destroyed", "('DESTROYED')", "quarantined", "('QUARANTINED')");
    // one UTC day number, the same on H2 and PostgreSQL (no session time zone involved)
    private static final String DAY = "floor(extract(epoch from occurred_at) / 86400)";

    private final JdbcClient jdbc;

    ModerationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ListedShare> list(Filter filter, int page, int size, Instant now) {
        Where where = where(filter);
        JdbcClient.StatementSpec sql = jdbc.sql("select " + COLUMNS + " from shares" + where.sql
                + " order by created_at desc, id limit :limit offset :offset");
        where.params.forEach(sql::param);
        return sql.param("limit", size).param("offset", (long) page * size).query((rs, n) -> listed(rs, now)).list();
    }

    long count(Filter filter) {
        Where where = where(filter);
        JdbcClient.StatementSpec sql = jdbc.sql("select count(*) from shares" + where.sql);
        where.params.forEach(sql::param);
        return sql.query(Long.class).single();
    }

    Map<String, Long> countByState() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String state : List.of("pending", "uploading", "active", "destroyed", "quarantined")) {
            counts.put(state, 0L);
        }
        jdbc.sql("select state, count(*) as n from shares group by state")
                .query((rs, n) -> counts.put(rs.getString("state").toLowerCase(Locale.ROOT), rs.getLong("n"))).list();
        return counts;
    }

    long storedBytes() {
        return jdbc.sql("select coalesce(sum(size_bytes), 0) from shares where state in " + ShareRepository.LIVE_STATES)
                .query(Long.class).single();
    }

    /** Opens per UTC day from {@code first} to {@code last}, days without one at zero. */
    List<DayCount> opensPerDay(LocalDate first, LocalDate last) {
        Map<Long, Long> byDay = new HashMap<>();
        jdbc.sql("select " + DAY + " as d, count(*) as n from share_access_log where outcome = 'opened'"
                + " and occurred_at >= :from group by " + DAY)
                .param("from", SqlTime.of(first.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))
                .query((rs, n) -> byDay.put(rs.getLong("d"), rs.getLong("n"))).list();
        List<DayCount> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(new DayCount(day, byDay.getOrDefault(day.toEpochDay(), 0L)));
        }
        return days;
    }

    private static Where where(Filter filter) {
        Where where = new Where();
        if (filter.ownerId() != null) {
            where.add("owner_id = :owner", "owner", filter.ownerId());
        }
        if (filter.anonymousOnly()) {
            where.add("owner_id is null", null, null);
        }
        String state = filter.state();
        if (state != null) {
            String states = STATES.get(state.strip().toLowerCase(Locale.ROOT));
            if (states == null) {
                throw new BarProblem.Invalid(ProblemCodes.FIELD_UNKNOWN_VALUE, "state",
                        "must be one of live, pending, uploading, active, destroyed, quarantined");
            }
            where.add("state in " + states, null, null);
        }
        if (filter.createdBefore() != null) {
            where.add("created_at <= :before", "before", SqlTime.of(filter.createdBefore()));
        }
        if (filter.createdAfter() != null) {
            where.add("created_at >= :after", "after", SqlTime.of(filter.createdAfter()));
        }
        if (filter.minSize() != null) {
            where.add("size_bytes >= :minSize", "minSize", filter.minSize());
        }
        if (filter.maxSize() != null) {
            where.add("size_bytes <= :maxSize", "maxSize", filter.maxSize());
        }
        return where;
    }

    private static ListedShare listed(ResultSet rs, Instant now) throws SQLException {
        String state = rs.getString("state");
        Instant expiresAt = java.util.Objects.requireNonNull(SqlTime.instant(rs, "expires_at"));
        Integer maxViews = rs.getObject("max_views") == null ? null : rs.getInt("max_views");
        Long size = rs.getObject("size_bytes") == null ? null : rs.getLong("size_bytes");
        String reason = rs.getString("destroy_reason");
        boolean live = ShareRepository.LIVE_STATES.contains("'" + state + "'");
        return new ListedShare(rs.getString("id"), rs.getString("kind"), state.toLowerCase(Locale.ROOT),
                live && !expiresAt.isAfter(now), rs.getString("owner_id"),
                java.util.Objects.requireNonNull(SqlTime.instant(rs, "created_at")), expiresAt, maxViews,
                rs.getInt("views_used"), size, rs.getBoolean("zero_knowledge"), rs.getBoolean("requires_password"),
                rs.getBoolean("require_otp"), SqlTime.instant(rs, "destroyed_at"),
                reason == null ? null : reason.toLowerCase(Locale.ROOT));
    }

    /** Fixed SQL fragments joined by {@code and}, with their bound values. */
    private static final class Where {
        private String sql = "";
        private final Map<String, Object> params = new LinkedHashMap<>();

        void add(String fragment, @Nullable String name, @Nullable Object value) {
            sql += sql.isEmpty() ? " where " + fragment : " and " + fragment;
            if (name != null) {
                params.put(name, value);
            }
        }
    }
}
