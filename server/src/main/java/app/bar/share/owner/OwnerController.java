package app.bar.share.owner;

import app.bar.platform.error.BarProblem;
import app.bar.platform.web.CurrentAccount;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in owner's dashboard API: their shares and a share's access log. */
@RestController
final class OwnerController {

    private final OwnedShares owned;

    OwnerController(OwnedShares owned) {
        this.owned = owned;
    }

    @GetMapping("/api/shares")
    ResponseEntity<Map<String, List<OwnedShares.Summary>>> list() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("shares", owned.list(account())));
    }

    @GetMapping("/api/shares/{id}/events")
    ResponseEntity<Map<String, List<AccessLog.Entry>>> events(@PathVariable String id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("events", owned.events(account(), id)));
    }

    private static String account() {
        return CurrentAccount.id().orElseThrow(() -> new BarProblem.Unauthorized("Sign in to see your shares."));
    }
}
