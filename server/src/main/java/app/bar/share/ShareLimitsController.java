package app.bar.share;

import app.bar.share.create.ShareLimits;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/shares/limits}: what anonymous and signed-in creators may choose (the create
 * page's upload limit, expiries and views). The same for every caller, and public: these are the
 * server's settings, not anyone's data.
 */
@RestController
final class ShareLimitsController {

    private final ShareLimits limits;

    ShareLimitsController(ShareProperties properties) {
        this.limits = ShareLimits.of(properties);
    }

    @GetMapping("/api/shares/limits")
    ResponseEntity<ShareLimits> limits() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(limits);
    }
}
