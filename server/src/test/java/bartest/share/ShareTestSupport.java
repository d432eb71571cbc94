package bartest.share;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test-only pieces of the share ITs (outside {@code app.bar}, so scanning never finds them):
 * <ul>
 *   <li>a clock that runs with real time plus an offset tests can move forward;</li>
 *   <li>a recorder of every share event published in the context;</li>
 *   <li>a fault to inject where the access log writes: a listener in the publishing transaction
 *       that fails for the share a test names.</li>
 * </ul>
 */
@TestConfiguration(proxyBeanMethods = false)
public class ShareTestSupport {

    @Bean
    @Primary
    public MovableClock movableClock() {
        return new MovableClock();
    }

    @Bean
    public RecordedShareEvents recordedShareEvents() {
        return new RecordedShareEvents();
    }

    @Bean
    public RecordingFaults recordingFaults() {
        return new RecordingFaults();
    }

    /**
     * Fails the recording of a named share's events as a failing access-log insert would: it runs
     * where the access log does, inside {@code publishEvent} in the publisher's transaction.
     */
    public static final class RecordingFaults {
        private final java.util.Set<String> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();

        public void failFor(String shareId) {
            failing.add(shareId);
        }

        public void heal(String shareId) {
            failing.remove(shareId);
        }

        @org.springframework.context.event.EventListener
        void on(app.bar.share.ShareEvent event) {
            if (failing.contains(event.shareId().value())) {
                // a failing statement, not an unreachable database (that one is a 503 server.unavailable)
                throw new org.springframework.dao.DataIntegrityViolationException("injected: recording failed");
            }
        }
    }

    /** Every share event published in this context, from any thread (server threads included). */
    public static final class RecordedShareEvents {
        private final java.util.Queue<app.bar.share.ShareEvent> events = new java.util.concurrent.ConcurrentLinkedQueue<>();

        @org.springframework.context.event.EventListener
        void on(app.bar.share.ShareEvent event) {
            events.add(event);
        }

        public <T extends app.bar.share.ShareEvent> java.util.stream.Stream<T> of(Class<T> type, String shareId) {
            return events.stream().filter(type::isInstance).map(type::cast).filter(e -> e.shareId().value().equals(shareId));
        }
    }

    /** Real time plus an offset that tests move forward; it can be stopped for a moment. */
    public static final class MovableClock extends Clock {
        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
        private final AtomicReference<Instant> stoppedAt = new AtomicReference<>();

        public void advance(Duration by) {
            offset.updateAndGet(o -> o.plus(by));
        }

        /**
         * Stops real time (only {@link #advance} moves it) until {@link #restart}: for assertions
         * about delays of a second or two that a loaded machine's password hashing would outlast.
         */
        public void stop() {
            stoppedAt.set(Instant.now());
        }

        /** Real time runs again (never backwards: the time it stood still is skipped). */
        public void restart() {
            stoppedAt.set(null);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            Instant stopped = stoppedAt.get();
            return (stopped != null ? stopped : Instant.now()).plus(offset.get());
        }
    }
}
