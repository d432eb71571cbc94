package app.bar.webhook;

import app.bar.platform.error.BarProblem;
import app.bar.platform.web.CurrentAccount;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/account/webhook}: the signed-in account's default webhook and its recent deliveries
 * (a signed-in session only, as all of {@code /api/account/**}). Nothing here takes an id: an
 * account reaches only its own.
 */
@RestController
@RequestMapping(path = "/api/account/webhook", produces = MediaType.APPLICATION_JSON_VALUE)
final class WebhookController {

    private final AccountWebhooks webhooks;

    WebhookController(AccountWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    record SetWebhook(@Nullable String url) {
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> set(@RequestBody SetWebhook request) {
        AccountWebhooks.Created created = webhooks.set(accountId(), request.url());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", created.url());
        body.put("webhookSecret", created.secret());
        body.put("createdAt", created.createdAt().toString());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    @GetMapping
    ResponseEntity<Map<String, Object>> get() {
        AccountWebhooks.View webhook = webhooks.get(accountId()).orElseThrow(BarProblem.NotFound::new);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", webhook.url());
        body.put("createdAt", webhook.createdAt().toString());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    @DeleteMapping
    ResponseEntity<Void> delete() {
        webhooks.delete(accountId());
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }

    @GetMapping("/deliveries")
    ResponseEntity<Map<String, Object>> deliveries() {
        List<Map<String, Object>> list = webhooks.deliveries(accountId()).stream().map(WebhookController::view).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("deliveries", list));
    }

    private static Map<String, Object> view(DeliveryRepository.Delivery d) {
        boolean finished = d.status() == DeliveryRepository.Status.DELIVERED || d.status() == DeliveryRepository.Status.DEAD;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", d.eventId());
        body.put("type", d.type());
        body.put("shareId", d.shareId());
        body.put("status", d.status().name());
        body.put("attempts", d.attempts());
        body.put("lastStatusCode", d.lastStatusCode());
        Instant lastAttemptAt = d.lastAttemptAt(); // read once: SpotBugs cannot see a record accessor is stable
        body.put("lastAttemptAt", lastAttemptAt == null ? null : lastAttemptAt.toString());
        body.put("nextAttemptAt", finished ? null : d.nextAttemptAt().toString());
        body.put("createdAt", d.createdAt().toString());
        return body;
    }

    private static String accountId() {
        return CurrentAccount.id().orElseThrow(() -> new BarProblem.Unauthorized("Authentication is required."));
    }
}
