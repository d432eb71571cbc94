package app.bar.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them ({@code 90s}, {@code 15m}, {@code 1h}, {@code 2d}) and as the CLI prints them. */
final class Durations {

    private static final Pattern FORMAT = Pattern.compile("([0-9]{1,7})([smhdw])");

    private Durations() {
    }

    /** Seconds of {@code 1h}, {@code 2d}, {@code 30m}, {@code 1w} or a plain number of seconds. */
    static long parseSeconds(String text, String option) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.matches("[0-9]{1,9}")) {
            return Long.parseLong(value);
        }
        Matcher m = FORMAT.matcher(value);
        if (!m.matches()) {
            throw CliFailure.usage(option + " must look like 90s, 30m, 1h, 2d or 1w, was '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "s": return n;
            case "m": return n * 60;
            case "h": return n * 3600;
            case "d": return n * 86_400;
            default: return n * 604_800;
        }
    }

    /** {@code 45 s}, {@code 3 min}, {@code 2 h}. */
    static String human(long seconds) {
        if (seconds < 90) {
            return seconds + " s";
        }
        long minutes = (seconds + 59) / 60;
        return minutes < 90 ? minutes + " min" : (minutes + 59) / 60 + " h";
    }
}
