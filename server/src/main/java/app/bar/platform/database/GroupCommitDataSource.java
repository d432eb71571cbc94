package app.bar.platform.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The embedded H2 data source under the connection pool, with every writing commit made durable by
 * {@link H2GroupCommit} before it returns (issue 12). Written by hand (JDK proxies): no library
 * hooks H2's commit.
 *
 * <p>Which calls wait: {@code Connection.commit()} and {@code setAutoCommit(true)} when the
 * transaction changed something, and in auto-commit mode every {@code execute}, {@code executeUpdate}
 * and {@code executeBatch} (H2 has committed it by the time the call returns; a query,
 * {@code executeQuery}, does not wait). A commit that changed nothing does not wait: nothing of it
 * can be lost. Connections of a remote H2 ({@code jdbc:h2:tcp:}) or of an in-memory one are handed out
 * unwrapped: the server or nothing owns their durability.
 */
public final class GroupCommitDataSource extends DelegatingDataSource {

    private static final Set<String> AUTO_COMMIT_WRITES = Set.of(
            "execute", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    public GroupCommitDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(obtainTargetDataSource().getConnection(username, password));
    }

    static Connection wrap(Connection connection) throws SQLException {
        H2GroupCommit group = groupOf(connection);
        if (group == null) {
            return connection;
        }
        return (Connection) Proxy.newProxyInstance(GroupCommitDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new ConnectionHandler(connection, group));
    }

    private static @Nullable H2GroupCommit groupOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local)) {
            return null;   // a remote H2: its server writes
        }
        var store = local.getDatabase().getStore();
        if (store == null || store.getMvStore().getFileStore() == null) {
            return null;   // in memory: nothing to write
        }
        return H2GroupCommit.of(store.getMvStore());
    }

    private static boolean changedSomething(Connection connection) throws SQLException {
        return ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).hasPendingTransaction();
    }

    private static Object invoke(Object target, Method method, Object @Nullable [] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private record ConnectionHandler(Connection target, H2GroupCommit group) implements InvocationHandler {

        @Override
        public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
            switch (method.getName()) {
                case "commit" -> {
                    boolean wrote = changedSomething(target);
                    target.commit();
                    if (wrote) {
                        group.awaitDurable();
                    }
                    return null;
                }
                case "setAutoCommit" -> {
                    boolean on = args != null && Boolean.TRUE.equals(args[0]);
                    boolean wrote = on && !target.getAutoCommit() && changedSomething(target);
                    target.setAutoCommit(on);
                    if (wrote) {
                        group.awaitDurable();   // JDBC: switching auto-commit on commits
                    }
                    return null;
                }
                case "equals" -> {
                    return args != null && proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "unwrap" -> {
                    // a Connection asked for is this one: a write through the bare H2 one would not wait
                    Class<?> type = (Class<?>) Objects.requireNonNull(args)[0];
                    return type.isInstance(proxy) ? proxy : target.unwrap(type);
                }
                default -> {
                    Object result = GroupCommitDataSource.invoke(target, method, args);
                    if (result instanceof Statement statement) {
                        return statement(statement, (Connection) proxy, this);
                    }
                    return result;
                }
            }
        }
    }

    private static Statement statement(Statement statement, Connection connection, ConnectionHandler owner) {
        Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
                : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return (Statement) Proxy.newProxyInstance(GroupCommitDataSource.class.getClassLoader(),
                new Class<?>[] {type}, new StatementHandler(statement, connection, owner));
    }

    private record StatementHandler(Statement target, Connection connection, ConnectionHandler owner)
            implements InvocationHandler {

        @Override
        public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
            String name = method.getName();
            if (name.equals("getConnection")) {
                return connection;
            }
            if (name.equals("equals")) {
                return args != null && proxy == args[0];
            }
            if (name.equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            if (name.equals("unwrap") && args != null && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
                return proxy;
            }
            Object result = GroupCommitDataSource.invoke(target, method, args);
            if (AUTO_COMMIT_WRITES.contains(name) && owner.target().getAutoCommit()) {
                owner.group().awaitDurable();
            }
            return result;
        }
    }
}
