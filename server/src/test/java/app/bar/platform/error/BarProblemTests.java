package app.bar.platform.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.assertj.core.api.InstanceOfAssertFactories;
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
    void invalidWhenBoundsGivenThenTheErrorsEntryCarriesThem() {
        BarProblem.Invalid invalid = new BarProblem.Invalid(ProblemCodes.FIELD_OUT_OF_RANGE, "expiresIn",
                "must be between 60 and 604800 seconds", 60L, 604_800L);
        assertThat(Problems.of(invalid).getProperties()).extractingByKey("errors").asInstanceOf(
                InstanceOfAssertFactories.LIST).containsExactly(new InvalidField("expiresIn",
                        "field.out_of_range", "must be between 60 and 604800 seconds", 60L, 604_800L));
    }

    @Test
    void retryAfterSecondsWhenBelowOneSecondThenOne() {
        assertThat(new BarProblem.RateLimited(Duration.ofMillis(10)).retryAfterSeconds()).isEqualTo(1);
    }
}
