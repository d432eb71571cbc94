package app.bar.account;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the security events table in tests. */
public final class Events {

    private Events() {
    }

    public static long count(JdbcClient jdbc, String type, String actorId) {
        return jdbc.sql("select count(*) from security_events where type = :type and actor_id = :actor")
                .param("type", type).param("actor", actorId).query(Long.class).single();
    }

    /** Details (JSON) of the events of a type recorded since {@code afterId}. */
    public static List<String> detailsSince(JdbcClient jdbc, String type, long afterId) {
        return jdbc.sql("select detail from security_events where type = :type and id > :after order by id")
                .param("type", type).param("after", afterId).query(String.class).list();
    }

    public static long lastId(JdbcClient jdbc) {
        return jdbc.sql("select coalesce(max(id), 0) from security_events").query(Long.class).single();
    }
}
