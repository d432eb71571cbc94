package app.bar.platform.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that cannot be reached from a bug (issue 11 item 4): no connection within the
 * pool's {@code connection-timeout} (Hikari, 1.5 s), a transaction that cannot begin, or a
 * connection lost mid-statement (SQLState class {@code 08}). Such a request is answered {@code 503
 * server.unavailable} with {@code Retry-After}, not {@code 500}: the client did nothing wrong and
 * the same request will work once the database is back (the pool reconnects by itself).
 */
final class DatabaseOutage {

    /** How long a client is asked to wait: a restart or fail-over of the database takes seconds. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final int MAX_DEPTH = 16;

    private DatabaseOutage() {
    }

    /** Whether {@code error}, or anything that caused it, says the database is out of reach. */
    static boolean isOutage(@Nullable Throwable error) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && rollback.getApplicationException() != error) {
                // a rollback that failed on the lost connection hides the statement's own failure
                return isOutage(rollback.getApplicationException());
            }
        }
        return false;
    }

    /** SQLState class 08: connection exception (SQL standard; PostgreSQL and H2 use it). */
    private static boolean isConnectionState(@Nullable String state) {
        return state != null && state.startsWith("08");
    }

    static BarProblem.Unavailable problem() {
        return new BarProblem.Unavailable(ProblemCodes.SERVER_UNAVAILABLE, ProblemCodes.genericDetail(503), RETRY_AFTER);
    }
}
