package app.bar.share.moderation;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.share.DestroyReason;
import app.bar.share.ShareId;
import app.bar.share.ShareModeration;
import app.bar.share.core.Requester;
import app.bar.share.core.ShareRepository;
import app.bar.share.core.ShareRow;
import app.bar.share.lifecycle.ShareShredder;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ShareModeration} over the share module's own parts. A burn is the shredder's
 * ({@link DestroyReason#BURNED_BY_ADMIN}, as the server: the owner's access log and webhook get
 * no administrator's address) plus the {@code admin.action} security event naming the admin, the
 * share and the reason, committed together or not at all.
 */
@Service
class AdminModeration implements ShareModeration {

    private static final Logger log = LoggerFactory.getLogger(AdminModeration.class);

    private final ShareRepository shares;
    private final ShareShredder shredder;
    private final ModerationQueries queries;
    private final SecurityEvents security;
    private final TransactionTemplate tx;
    private final Clock clock;

    AdminModeration(ShareRepository shares, ShareShredder shredder, ModerationQueries queries, SecurityEvents security,
            TransactionTemplate tx, Clock clock) {
        this.shares = shares;
        this.shredder = shredder;
        this.queries = queries;
        this.security = security;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Listing list(Filter filter, int page, int size) {
        return new Listing(queries.list(filter, page, size, clock.instant()), queries.count(filter));
    }

    @Override
    public boolean burn(String shareId, String adminId, String reason) {
        ShareRow share = ShareId.parse(shareId).flatMap(shares::find).orElse(null);
        if (share == null) {
            return false;
        }
        boolean burned = burnOne(share, adminId, reason);
        if (burned) {
            log.info("share.burned_by_admin admin={}", adminId);
        }
        return burned;
    }

    @Override
    public int burnAllOwnedBy(String ownerId, String adminId, String reason) {
        int burned = 0;
        for (ShareRow share : shares.findOwnedBy(ownerId)) {
            if (burnOne(share, adminId, reason)) {
                burned++;
            }
        }
        log.info("share.owner_burned_by_admin admin={} owner={} burned={}", adminId, ownerId, burned);
        return burned;
    }

    /** One share shredded and its security event recorded, in one transaction; false when it was not live. */
    private boolean burnOne(ShareRow share, String adminId, String reason) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (!shredder.destroy(share, DestroyReason.BURNED_BY_ADMIN, Requester.SYSTEM)) {
                return false;
            }
            security.record(SecurityEventType.ADMIN_ACTION, adminId,
                    Map.of("action", "share.burn", "target", share.id().value(), "reason", reason));
            return true;
        }));
    }

    @Override
    public Statistics statistics(int days) {
        Map<String, Long> byState = queries.countByState();
        long live = byState.get("pending") + byState.get("uploading") + byState.get("active");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return new Statistics(byState, live, queries.storedBytes(), queries.opensPerDay(today.minusDays(days - 1L), today));
    }
}
