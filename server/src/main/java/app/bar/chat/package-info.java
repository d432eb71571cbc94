/**
 * Burn chat (issue 19): rooms in which a few people talk end-to-end encrypted and nothing is kept.
 * The server holds one small row per room (how many may join and are in, until when, the owner
 * token's hash) and relays ciphertext frames over WebSocket between the participants, through
 * Redis pub/sub across nodes; it never stores, logs or can read a message. See {@code docs/chat.md}.
 */
@ApplicationModule(allowedDependencies = {"platform", "audit"})
@NullMarked
package app.bar.chat;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
