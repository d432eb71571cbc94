package app.bar.share.create;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * {@code expiresIn} of a new share as a client writes it: a number of seconds ({@code 86400}) or
 * a string with a unit, the way a person says it ({@code "2d"}, {@code "1h"}, {@code "90m"},
 * {@code "30s"}; a bare {@code "3600"} is seconds too) — issue 13 item 16. What cannot be read is
 * kept as unreadable, and {@link SharePolicy} answers a {@code 400} naming the field; the range
 * check stays there.
 */
@JsonDeserialize(using = ExpiresIn.FromJson.class)
@Schema(types = {"integer", "string"}, description = "seconds (86400), or a duration with a unit: \"2d\", \"1h\", \"90m\", \"30s\"",
        examples = {"86400", "2d"})
public final class ExpiresIn {

    private static final Pattern WITH_UNIT = Pattern.compile("(\\d{1,9})\\s*([smhd]?)");

    private final @Nullable Duration duration;

    private ExpiresIn(@Nullable Duration duration) {
        this.duration = duration;
    }

    public static ExpiresIn ofSeconds(long seconds) {
        return new ExpiresIn(Duration.ofSeconds(seconds));
    }

    /** {@code "2d"}, {@code "1h"}, {@code "90m"}, {@code "30s"} or {@code "3600"}; anything else is unreadable. */
    public static ExpiresIn parse(String text) {
        Matcher m = WITH_UNIT.matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            return new ExpiresIn(null);
        }
        long amount = Long.parseLong(m.group(1));
        return new ExpiresIn(switch (m.group(2)) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        });
    }

    /** Empty when the text was no duration BAR reads. */
    public Optional<Duration> duration() {
        return Optional.ofNullable(duration);
    }

    @Override
    public String toString() {
        return "ExpiresIn[" + duration + "]";
    }

    static final class FromJson extends ValueDeserializer<ExpiresIn> {
        @Override
        public ExpiresIn deserialize(JsonParser p, DeserializationContext context) {
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                return ofSeconds(p.getLongValue());
            }
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                return parse(p.getString());
            }
            return (ExpiresIn) context.handleUnexpectedToken(ExpiresIn.class, p);
        }
    }
}
