package app.bar.share.core;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The views taken of a share, and when its last one was taken (while a re-open window still runs). */
public record ViewCount(int used, @Nullable Instant exhaustedAt) {

    public static final ViewCount NONE = new ViewCount(0, null);
}
