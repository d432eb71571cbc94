package app.bar.share.create;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bar.platform.error.BarProblem;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13 item 16: {@code expiresIn} of {@code POST /api/shares} in seconds, or with a unit as
 * a person writes it ({@code "2d"}, {@code "1h"}); the range rules apply to either.
 */
class ExpiresInTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static SharePolicy policy(String expiresInJson) {
        CreateShareRequest request = JSON.readValue("{\"kind\":\"text\",\"text\":\"x\",\"expiresIn\":" + expiresInJson + "}",
                CreateShareRequest.class);
        return SharePolicy.of(request, true, SharePolicyTests.limits(true));
    }

    @Test
    void expiresInWhenNumberThenSeconds() {
        assertThat(policy("3600").expiresIn()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void expiresInWhenDaysThenThatManyDays() {
        assertThat(policy("\"2d\"").expiresIn()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void expiresInWhenHoursMinutesOrSecondsThenThatLong() {
        assertThat(policy("\"1h\"").expiresIn()).isEqualTo(Duration.ofHours(1));
        assertThat(policy("\"90m\"").expiresIn()).isEqualTo(Duration.ofMinutes(90));
        assertThat(policy("\"120s\"").expiresIn()).isEqualTo(Duration.ofSeconds(120));
        assertThat(policy("\"600\"").expiresIn()).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy("\" 2D \"").expiresIn()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void expiresInWhenTextIsNoDurationThenFormatProblemNamingTheField() {
        for (String text : new String[] {"\"soon\"", "\"1.5h\"", "\"-1h\"", "\"2 weeks\"", "\"\""}) {
            assertThatThrownBy(() -> policy(text)).as(text).isInstanceOfSatisfying(BarProblem.Invalid.class, e -> {
                assertThat(e.field()).isEqualTo("expiresIn");
                assertThat(e.fieldCode()).isEqualTo("field.format");
            });
        }
    }

    @Test
    void expiresInWhenDurationOutOfRangeThenOutOfRangeProblem() {
        assertThatThrownBy(() -> policy("\"31d\"")).isInstanceOfSatisfying(BarProblem.Invalid.class,
                e -> assertThat(e.fieldCode()).isEqualTo("field.out_of_range"));
        assertThatThrownBy(() -> policy("\"30s\"")).isInstanceOfSatisfying(BarProblem.Invalid.class,
                e -> assertThat(e.fieldCode()).isEqualTo("field.out_of_range"));
    }

    @Test
    void expiresInWhenNeitherNumberNorStringThenWrongType() {
        assertThatThrownBy(() -> policy("true")).isInstanceOf(MismatchedInputException.class);
    }
}
