package app.bar.share.open;

import app.bar.platform.error.BarProblem;
import app.bar.share.ShareId;
import app.bar.share.core.ShareRepository;
import app.bar.share.core.ShareRow;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * One rule for "does this share exist for this caller", so unknown, expired, used up, burned,
 * quarantined and not-yet-uploaded shares all give the same 404 on every endpoint. A viewer
 * within its {@code viewRefreshMinutes} window still sees a share whose views are used up.
 */
@Component
public class ShareVisibility {

    private final ShareRepository shares;
    private final ViewerStore viewers;
    private final Clock clock;

    ShareVisibility(ShareRepository shares, ViewerStore viewers, Clock clock) {
        this.shares = shares;
        this.viewers = viewers;
        this.clock = clock;
    }

    public ShareRow visible(String id, @Nullable String viewerToken) {
        Instant now = clock.instant();
        ShareRow share = ShareId.parse(id).flatMap(shares::find).orElseThrow(BarProblem.NotFound::new);
        if (share.isOpenable(now) || viewers.mayReopen(share, viewerToken, now)) {
            return share;
        }
        throw new BarProblem.NotFound();
    }
}
