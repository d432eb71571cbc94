/**
 * How shares end: crypto-shredding ({@link app.bar.share.lifecycle.ShareShredder}, the one place
 * a share is destroyed), the clean-up pass and its schedule, and the {@code rewrap} command.
 */
@NullMarked
package app.bar.share.lifecycle;

import org.jspecify.annotations.NullMarked;
