/**
 * Share moderation for administrators ({@link app.bar.share.ShareModeration}): the metadata
 * listing and statistics over {@code shares} and {@code share_access_log}, and burns through
 * {@link app.bar.share.lifecycle.ShareShredder}.
 */
@NullMarked
package app.bar.share.moderation;

import org.jspecify.annotations.NullMarked;
