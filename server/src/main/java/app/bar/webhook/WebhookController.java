package app.bar.webhook;

import app.bar.platform.error.BarProblem;
import app.bar.platform.web.CurrentAccount;
import java.time.Instant;
import java.util.List;
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

    /** {@code url} is checked by the SSRF guard ({@link WebhookUrls}), a domain rule. */
    record SetWebhook(@Nullable String url) {
    }

    /** The new webhook and its signing secret: this answer is the only time the secret is shown. */
    record Saved(String url, String webhookSecret, Instant createdAt) {
        @Override
        public String toString() {
            return "Saved[secret hidden]";
        }
    }

    record Current(String url, Instant createdAt) {
    }

    record Deliveries(List<Delivery> deliveries) {
    }

    /** One delivery as its owner sees it: never the payload or the target. */
    record Delivery(String eventId, String type, String shareId, String status, int attempts,
            @Nullable Integer lastStatusCode, @Nullable Instant lastAttemptAt, @Nullable Instant nextAttemptAt,
            Instant createdAt) {

        static Delivery of(DeliveryRepository.Delivery d) {
            boolean finished = d.status() == DeliveryRepository.Status.DELIVERED || d.status() == DeliveryRepository.Status.DEAD;
            return new Delivery(d.eventId(), d.type(), d.shareId(), d.status().name(), d.attempts(), d.lastStatusCode(),
                    d.lastAttemptAt(), finished ? null : d.nextAttemptAt(), d.createdAt());
        }
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Saved> set(@RequestBody SetWebhook request) {
        AccountWebhooks.Created created = webhooks.set(CurrentAccount.requireId(), request.url());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Saved(created.url(), created.secret(), created.createdAt()));
    }

    @GetMapping
    ResponseEntity<Current> get() {
        AccountWebhooks.View webhook = webhooks.get(CurrentAccount.requireId()).orElseThrow(BarProblem.NotFound::new);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Current(webhook.url(), webhook.createdAt()));
    }

    @DeleteMapping
    ResponseEntity<Void> delete() {
        webhooks.delete(CurrentAccount.requireId());
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }

    @GetMapping("/deliveries")
    ResponseEntity<Deliveries> deliveries() {
        List<Delivery> list = webhooks.deliveries(CurrentAccount.requireId()).stream().map(Delivery::of).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Deliveries(list));
    }
}
