package app.bar.support;

import app.bar.BarApplication;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts another node of the test deployment (same database, Redis and data directory) on a free port. */
public final class TestNodes {

    private TestNodes() {
    }

    public static Node start(Map<String, String> extra) {
        Map<String, Object> p = new HashMap<>(TestBackends.properties());
        p.putAll(extra);
        p.put("server.port", "0");
        // as command-line arguments: default properties would lose to application.yml's own defaults
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BarApplication.class).run(args);
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
        return new Node(context, port);
    }

    /** A running node; close it when the test is done. */
    public record Node(ConfigurableApplicationContext context, int port) implements AutoCloseable {
        public TestHttp http() {
            return new TestHttp(port);
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
