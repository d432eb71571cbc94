package app.bar.share.owner;

import app.bar.crypto.RewrapParticipant;
import app.bar.share.ShareId;
import app.bar.share.core.ShareLabels;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code rewrap} for owners' share labels: each one not under the newest master key is sealed again
 * under it ({@link ShareLabels#rewrap}, a conditional update). A label that cannot be moved is
 * counted as failed once and left alone, so the loop ends.
 */
@Component
class ShareLabelRewrap implements RewrapParticipant {

    private static final Logger log = LoggerFactory.getLogger(ShareLabelRewrap.class);
    private static final int BATCH = 500;

    private final ShareLabels labels;

    ShareLabelRewrap(ShareLabels labels) {
        this.labels = labels;
    }

    @Override
    public String name() {
        return "share_labels";
    }

    @Override
    public Result rewrapAll() {
        String newest = labels.newestKid();
        Set<ShareId> skipped = new HashSet<>();
        int moved = 0;
        int failed = 0;
        List<ShareId> batch;
        while (!(batch = labels.notUnder(newest, BATCH + skipped.size())).isEmpty() && !skipped.containsAll(batch)) {
            for (ShareId id : batch) {
                if (skipped.contains(id)) {
                    continue;
                }
                try {
                    if (labels.rewrap(id)) {
                        moved++;
                    } else {
                        skipped.add(id); // changed meanwhile (an edit seals under the newest key) or gone
                    }
                } catch (RuntimeException e) {
                    skipped.add(id);
                    failed++;
                    log.error("rewrap.failed what=share_label error={}", e.getClass().getSimpleName());
                }
            }
        }
        return new Result(moved, failed);
    }
}
