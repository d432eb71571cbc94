package app.bar.platform.config;

import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says where BAR listens and, on the embedded default, one clear warning that it is development mode. */
@Component
final class StartupReport {

    private static final Logger log = LoggerFactory.getLogger("bar");

    @EventListener
    void on(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        String port = env.getProperty("local.server.port");
        if (port == null) {
            return; // a maintenance command, not the server
        }
        if (Arrays.asList(env.getActiveProfiles()).contains(ProductionGuard.PROFILE)) {
            log.info("bar.started mode=production port={} public_url={}", port, env.getProperty("bar.public-url"));
        } else {
            log.info("bar.started mode=development url=http://localhost:{}/", port);
            log.warn("DEVELOPMENT MODE: embedded H2 database, development keys and mail outbox under {}. "
                    + "Not for real secrets or a public network; set BAR_PROFILE=prod for production.",
                    Path.of(env.getProperty("bar.data-dir", "./data")).toAbsolutePath().normalize());
        }
    }
}
