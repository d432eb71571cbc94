package app.bar.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Burns expired rooms every {@code bar.chat.sweep-interval} on every node (each room is deleted
 * once, whichever node wins), unless {@code bar.scheduling.enabled=false}. A room past its expiry
 * is refused from that instant anyway; the sweep ends its connections and removes the row.
 */
@Component
@ConditionalOnProperty(name = "bar.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class ChatSweepSchedule {

    private static final Logger log = LoggerFactory.getLogger(ChatSweepSchedule.class);

    private final ChatRooms rooms;

    ChatSweepSchedule(ChatRooms rooms) {
        this.rooms = rooms;
    }

    @Scheduled(initialDelayString = "${bar.chat.sweep-interval:PT1M}", fixedDelayString = "${bar.chat.sweep-interval:PT1M}")
    void run() {
        try {
            int burned = rooms.sweep();
            if (burned > 0) {
                log.info("chat.swept rooms={}", burned);
            }
        } catch (RuntimeException e) {
            log.error("chat.sweep_failed", e); // the next pass retries; a scheduled task must not die
        }
    }
}
