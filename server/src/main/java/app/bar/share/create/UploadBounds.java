package app.bar.share.create;

import app.bar.platform.error.BarProblem;
import app.bar.share.ShareId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A share's own bound on its upload, below the owner's file limit: a part of the share module that
 * makes shares on its own terms (a request answered with files, {@code share.request}) says how
 * large the upload may be and how to refuse more. {@link ShareUpload} refuses a declared length
 * over the bound before reading, and a body that grows past it while streaming, so no more than
 * the bound is ever read or written.
 */
public interface UploadBounds {

    /** This share's bound, or empty when it is not one of this part's shares. */
    Optional<Bound> of(ShareId share);

    /** At most {@code bytes} uploaded (as the client sends them); past them, {@code refusal}'s problem. */
    record Bound(long bytes, Supplier<BarProblem> refusal) {
    }
}
