/**
 * Opening a share: who may see it ({@link app.bar.share.open.ShareVisibility}), unlock with
 * password, access key or OTP into a single-use ticket, exactly-once views and the content
 * stream, viewers who may re-open within their window.
 */
@NullMarked
package app.bar.share.open;

import org.jspecify.annotations.NullMarked;
