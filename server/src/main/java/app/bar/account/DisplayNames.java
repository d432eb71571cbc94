package app.bar.account;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import org.jspecify.annotations.Nullable;

/** A display name as stored: trimmed, at most 100 characters, no control characters; blank means none. */
final class DisplayNames {

    static final int MAX_LENGTH = 100;

    private DisplayNames() {
    }

    static @Nullable String clean(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip();
        if (n.codePointCount(0, n.length()) > MAX_LENGTH) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_SIZE,
                    "displayName", "must be at most " + MAX_LENGTH + " characters long");
        }
        if (n.codePoints().anyMatch(Character::isISOControl)) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_FORMAT,
                    "displayName", "must not contain control characters");
        }
        return n;
    }
}
