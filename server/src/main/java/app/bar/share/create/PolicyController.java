package app.bar.share.create;

import app.bar.platform.web.CurrentAccount;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/share-policy}: what the caller (anonymous, a user or an admin) may create here, for the create page. */
@RestController
final class PolicyController {

    private final CreationRules rules;

    PolicyController(CreationRules rules) {
        this.rules = rules;
    }

    @GetMapping("/api/share-policy")
    ResponseEntity<CreationRules.Effective> policy() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(rules.effective(CreationRules.roleOf(CurrentAccount.id().isPresent())));
    }
}
