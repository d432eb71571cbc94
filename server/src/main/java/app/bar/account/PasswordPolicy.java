package app.bar.account;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.secrets.Password;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a new password must be (ASVS 6.2.1/6.2.4/6.2.5/6.2.9/6.2.12): 12 to 1024 characters,
 * no composition rules, and a zxcvbn score of at least {@code minPasswordStrength} with the
 * email and display name as words an attacker would try. The password is taken exactly as
 * sent: no trimming, case change or truncation (6.2.8).
 *
 * <p>zxcvbn4j's matching grows steeply with length (about 8 s for 1000 characters here), a
 * denial of service waiting to happen, so only the first {@value #MEASURED} characters are
 * measured; a password that long is past guessing anyway unless it starts with a guessable part.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 1024;
    private static final int MEASURED = 64;

    private final Zxcvbn zxcvbn = new Zxcvbn();
    private final int minStrength;

    PasswordPolicy(AccountProperties properties) {
        this.minStrength = properties.minPasswordStrength();
    }

    /** Throws a 400 naming {@code field} and the rule when the password is not acceptable. */
    void check(String field, @Nullable Password password, String email, @Nullable String displayName) {
        if (password == null) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_REQUIRED, field, "is required");
        }
        int length = password.codePointCount();
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_SIZE,
                    field, "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        int score = zxcvbn.measure(password.prefix(MEASURED), userInputs(email, displayName)).getScore();
        if (score < minStrength) {
            throw new BarProblem.Invalid(AccountCodes.PASSWORD_WEAK,
                    field, "is too easy to guess (common words, names, your email or "
                    + "simple patterns); a few unrelated words or a password manager's password will do");
        }
    }

    private static List<String> userInputs(String email, @Nullable String displayName) {
        List<String> inputs = new ArrayList<>();
        String lower = email.toLowerCase(Locale.ROOT);
        inputs.add(lower);
        int at = lower.indexOf('@');
        if (at > 0) {
            inputs.add(lower.substring(0, at));
            inputs.add(lower.substring(at + 1));
        }
        if (displayName != null && !displayName.isBlank()) {
            String name = displayName.toLowerCase(Locale.ROOT);
            inputs.add(name);
            inputs.add(name.replaceAll("\\s+", ""));
            for (String part : name.split("[\\s._-]+")) {
                if (part.length() > 2) {
                    inputs.add(part);
                }
            }
        }
        for (String part : lower.substring(0, Math.max(at, 0)).split("[._+-]+")) {
            if (part.length() > 2) {
                inputs.add(part);
            }
        }
        inputs.add("bar");
        inputs.add("burn after reading");
        return inputs;
    }
}
