package app.bar.platform.health;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /healthz}: the process answers. {@code /readyz}: every {@link ReadinessCheck} passes
 * (database, Redis when configured, blob store). Neither body says more than up or down; what
 * failed goes to the log.
 */
@RestController
final class HealthController {

    private static final Logger log = LoggerFactory.getLogger(HealthController.class);

    private final List<ReadinessCheck> checks;

    HealthController(List<ReadinessCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** {@code UP} or {@code DOWN}, nothing more. */
    record Health(String status) {
        static final Health UP = new Health("UP");
        static final Health DOWN = new Health("DOWN");
    }

    @GetMapping("/healthz")
    ResponseEntity<Health> live() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Health.UP);
    }

    @GetMapping("/readyz")
    ResponseEntity<Health> ready() {
        boolean ready = true;
        for (ReadinessCheck check : checks) {
            boolean ok;
            try {
                ok = check.isReady();
            } catch (RuntimeException e) {
                ok = false;
            }
            if (!ok) {
                log.warn("readiness.failed check={}", check.name());
                ready = false;
            }
        }
        return ResponseEntity.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .cacheControl(CacheControl.noStore())
                .body(ready ? Health.UP : Health.DOWN);
    }
}
