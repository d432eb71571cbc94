package app.bar.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.h2.jdbc.JdbcConnection;
import org.h2.engine.SessionLocal;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 with the durability rule of issue 11: with H2 left to write in the background (here once a
 * minute), a commit through {@link GroupCommitDataSource} is in the database file when it returns.
 * "In the file" is checked the way a {@code kill -9} would see it: the file is copied while the
 * database is still open and the copy is opened on its own.
 */
class GroupCommitDataSourceTests {

    @TempDir
    Path dir;

    private JdbcDataSource h2;
    private Connection keepOpen;

    @BeforeEach
    void openDatabase() throws SQLException {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("db/bar") + ";WRITE_DELAY=60000");
        keepOpen = h2.getConnection();
        try (Statement s = keepOpen.createStatement()) {
            s.execute("create table notes (id int primary key, body varchar(100))");
        }
        // the table itself reaches the file now, so that each test sees only its own rows missing or not
        ((SessionLocal) keepOpen.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore()
                .commit();
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        keepOpen.close();
    }

    @Test
    void anAutoCommittedInsertIsInTheFileWhenTheCallReturns() throws Exception {
        try (Connection c = new GroupCommitDataSource(h2).getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into notes values (1, 'answered')");
        }
        assertThat(idsInACopyOfTheFile()).containsExactly(1);
    }

    @Test
    void aCommittedTransactionIsInTheFileWhenCommitReturns() throws Exception {
        try (Connection c = new GroupCommitDataSource(h2).getConnection()) {
            c.setAutoCommit(false);
            try (var insert = c.prepareStatement("insert into notes values (?, 'answered')")) {
                insert.setInt(1, 1);
                insert.executeUpdate();
                insert.setInt(1, 2);
                insert.executeUpdate();
            }
            c.commit();
        }
        assertThat(idsInACopyOfTheFile()).containsExactly(1, 2);
    }

    @Test
    void withoutTheGroupCommitTheSameCommitIsNotInTheFileYet() throws Exception {
        // the control: what the two tests above would see if the data source did nothing
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into notes values (1, 'answered')");
        }
        assertThat(idsInACopyOfTheFile()).isEmpty();
    }

    @Test
    void switchingAutoCommitOnCommitsAndWaitsForTheFile() throws Exception {
        try (Connection c = new GroupCommitDataSource(h2).getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("insert into notes values (1, 'answered')");
            }
            c.setAutoCommit(true);
        }
        assertThat(idsInACopyOfTheFile()).containsExactly(1);
    }

    @Test
    void anInterruptedCommitterStillWaitsForTheFileAndKeepsItsInterrupt() throws Exception {
        boolean interruptedAfter;
        try (Connection c = new GroupCommitDataSource(h2).getConnection(); Statement s = c.createStatement()) {
            Thread.currentThread().interrupt();
            s.executeUpdate("insert into notes values (1, 'answered')");
            interruptedAfter = Thread.interrupted();
        }
        assertThat(interruptedAfter).isTrue();
        assertThat(idsInACopyOfTheFile()).containsExactly(1);
    }

    @Test
    void concurrentCommitsShareChunkWritesAndAllReachTheFile() throws Exception {
        DataSource source = new GroupCommitDataSource(h2);
        int threads = 8;
        int perThread = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Void>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * perThread;
            done.add(pool.submit((Callable<Void>) () -> {
                try (Connection c = source.getConnection();
                        var insert = c.prepareStatement("insert into notes values (?, 'answered')")) {
                    for (int i = first; i < first + perThread; i++) {
                        insert.setInt(1, i);
                        insert.executeUpdate();
                    }
                }
                return null;
            }));
        }
        for (Future<Void> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(idsInACopyOfTheFile()).hasSize(threads * perThread);
        assertThat(group().leaderWrites()).as("chunk writes for %d commits", threads * perThread)
                .isLessThan(threads * perThread);
    }

    @Test
    void aTransactionThatChangedNothingDoesNotWriteAChunk() throws Exception {
        try (Connection c = new GroupCommitDataSource(h2).getConnection()) {
            long before = group().leaderWrites();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("select count(*) from notes")) {
                rows.next();
            }
            c.commit();
            assertThat(group().leaderWrites()).isEqualTo(before);
        }
    }

    @Test
    void onlyAFileDatabaseIsWrappedAndItsStatementsAndUnwrapLeadBackToTheWrapper() throws Exception {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:groupcommit");
        try (Connection c = new GroupCommitDataSource(memory).getConnection()) {
            assertThat(Proxy.isProxyClass(c.getClass())).isFalse();
        }
        try (Connection c = new GroupCommitDataSource(h2).getConnection()) {
            assertThat(Proxy.isProxyClass(c.getClass())).isTrue();
            assertThat(c.createStatement().getConnection()).isSameAs(c);
            assertThat(c.unwrap(Connection.class)).as("a connection asked for by unwrap").isSameAs(c);
            assertThat(c.unwrap(JdbcConnection.class)).isNotSameAs(c);
        }
    }

    private H2GroupCommit group() throws SQLException {
        return H2GroupCommit.of(((SessionLocal) keepOpen.unwrap(JdbcConnection.class).getSession()).getDatabase()
                .getStore().getMvStore());
    }

    /** The rows a process started on the file as it is now would find (what survives a kill -9). */
    private List<Integer> idsInACopyOfTheFile() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("copy"));
        Files.copy(dir.resolve("db/bar.mv.db"), copy.resolve("bar.mv.db"));
        List<Integer> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("bar"));
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select id from notes order by id")) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }
}
