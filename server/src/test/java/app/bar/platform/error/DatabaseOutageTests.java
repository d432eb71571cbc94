package app.bar.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Issue 11 item 4: which failures mean "the database is out of reach" (503), and which are bugs (500). */
class DatabaseOutageTests {

    @Test
    void isOutageWhenNoConnectionWithinThePoolTimeoutThenTrue() {
        // what JdbcClient throws when Hikari's connection-timeout passes
        assertThat(DatabaseOutage.isOutage(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
    }

    @Test
    void isOutageWhenTransactionCannotBeginThenTrue() {
        assertThat(DatabaseOutage.isOutage(new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLTransientConnectionException("timeout")))).isTrue();
    }

    @Test
    void isOutageWhenConnectionLostDuringCommitThenTrue() {
        // PostgreSQL: "An I/O error occurred while sending to the backend", SQLState 08006
        assertThat(DatabaseOutage.isOutage(new TransactionSystemException("Could not commit JDBC transaction",
                new SQLException("An I/O error occurred", "08006")))).isTrue();
    }

    @Test
    void isOutageWhenRollbackFailureHidesTheLostConnectionThenTrue() {
        // "Application exception overridden by rollback exception": the rollback's own cause says little
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("An I/O error occurred",
                new SQLException("An I/O error occurred", "08006")));
        assertThat(DatabaseOutage.isOutage(rollback)).isTrue();
    }

    @Test
    void isOutageWhenConstraintViolatedThenFalse() {
        assertThat(DatabaseOutage.isOutage(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key", "23505")))).isFalse();
    }

    @Test
    void isOutageWhenBugThenFalse() {
        assertThat(DatabaseOutage.isOutage(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseOutage.isOutage(new SQLException("syntax error", "42601"))).isFalse();
    }

    @Test
    void problemIsServerUnavailableWithRetryAfterFiveSeconds() {
        BarProblem.Unavailable problem = DatabaseOutage.problem();
        assertThat(problem.status().value()).isEqualTo(503);
        assertThat(problem.code()).isEqualTo(ProblemCodes.SERVER_UNAVAILABLE);
        assertThat(problem.retryAfterSeconds()).isEqualTo(5);
    }
}
