package app.bar.platform.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BarProblemTests {

    @Test
    void invalidWhenCodeAndFieldSwappedThenRefusedAtOnce() {
        assertThatThrownBy(() -> new BarProblem.Invalid("displayName", ProblemCodes.FIELD_SIZE, "too long"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("area.what");
    }

    @Test
    void unauthorizedWhenCodeHasNoAreaThenRefused() {
        assertThatThrownBy(() -> new BarProblem.Unauthorized("wrong", "The password is wrong."))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidWhenBuiltThenRequestInvalidWithTheFieldsRule() {
        BarProblem.Invalid invalid = new BarProblem.Invalid(ProblemCodes.FIELD_SIZE, "name", "too long");
        assertThat(invalid.code()).isEqualTo("request.invalid");
        assertThat(invalid.fieldCode()).isEqualTo("field.size");
    }

    @Test
    @SuppressWarnings("deprecation")
    void codelessConstructorWhenUsedByTheShareModuleThenGenericCodeOfItsKind() {
        assertThat(new BarProblem.Unauthorized("The password is wrong.").code()).isEqualTo("auth.required");
        assertThat(new BarProblem.Invalid("kind", "must be 'text' or 'file'").fieldCode()).isEqualTo("field.invalid");
        assertThat(new BarProblem.Locked("Locked.", Duration.ofHours(1)).code()).isEqualTo("resource.locked");
        assertThat(new BarProblem.RateLimited("Wait.", Duration.ofSeconds(1)).code()).isEqualTo("rate_limit.exceeded");
    }

    @Test
    void retryAfterSecondsWhenBelowOneSecondThenOne() {
        assertThat(new BarProblem.RateLimited(Duration.ofMillis(10)).retryAfterSeconds()).isEqualTo(1);
    }
}
