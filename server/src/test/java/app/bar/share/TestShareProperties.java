package app.bar.share;

import app.bar.platform.ratelimit.RatePolicy;
import java.time.Duration;
import org.springframework.util.unit.DataSize;

/** {@link ShareProperties} with the defaults of the README's configuration table, for unit tests. */
public final class TestShareProperties {

    private TestShareProperties() {
    }

    /** The defaults, with anonymous creation on or off. */
    public static ShareProperties defaults(boolean anonymousCreate) {
        return new ShareProperties(DataSize.ofGigabytes(2), DataSize.ofMegabytes(100), DataSize.ofMegabytes(1),
                Duration.ofHours(24), Duration.ofDays(30), Duration.ofDays(7), anonymousCreate, Duration.ofSeconds(60), "",
                Duration.ofSeconds(30), 5, Duration.ofMinutes(60), Duration.ofSeconds(30), Duration.ofMinutes(10), 5,
                RatePolicy.of("3/10m"), Duration.ofHours(24), Duration.ofHours(1), Duration.ofDays(1),
                Duration.ofMinutes(1));
    }
}
