package app.bar.share.core;

import app.bar.share.DestroyReason;
import java.time.Instant;

/** When and why a share was crypto-shredded: what its tombstone keeps. */
public record Destruction(Instant at, DestroyReason reason) {
}
