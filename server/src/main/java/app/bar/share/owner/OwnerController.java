package app.bar.share.owner;

import app.bar.platform.web.CurrentAccount;
import java.util.List;
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

    /** {@code GET /api/shares}: the owner's shares, newest first. */
    record ShareList(List<OwnedShares.Summary> shares) {
    }

    /** {@code GET /api/shares/{id}/events}: the share's access log, oldest first. */
    record AccessLogList(List<AccessLog.Entry> events) {
    }

    @GetMapping("/api/shares")
    ResponseEntity<ShareList> list() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new ShareList(owned.list(account())));
    }

    @GetMapping("/api/shares/{id}/events")
    ResponseEntity<AccessLogList> events(@PathVariable String id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new AccessLogList(owned.events(account(), id)));
    }

    private static String account() {
        return CurrentAccount.requireId(); // 401 auth.required when nobody is signed in
    }
}
