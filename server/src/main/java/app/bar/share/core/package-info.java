/**
 * What every part of the share module works with: a share's row ({@link app.bar.share.core.ShareRow})
 * and the SQL of {@code shares} ({@link app.bar.share.core.ShareRepository}), who is asking
 * ({@link app.bar.share.core.Requester}), manage tokens and how text content is stored.
 */
@NullMarked
package app.bar.share.core;

import org.jspecify.annotations.NullMarked;
