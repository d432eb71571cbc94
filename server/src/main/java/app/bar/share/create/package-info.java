/**
 * Making a share: the validated policy, the data key sealed under the master ring (and the
 * password), text content sealed at once, file content streamed through encryption, content-type
 * sniffing and the virus scan, filenames.
 */
@NullMarked
package app.bar.share.create;

import org.jspecify.annotations.NullMarked;
