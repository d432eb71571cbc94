package app.bar.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.springframework.core.env.PropertyResolver;

/**
 * What production requires of the blob store when it is S3 (DESIGN.md §3): a bucket, an https
 * endpoint unless http is explicitly allowed ({@code BAR_S3_ALLOW_HTTP}, for a gateway on a
 * private network), and access key and secret set together or not at all. Each problem is one
 * line naming the variable and the rule, in {@code ProductionGuard}'s form; a value is never
 * printed. {@link StorageProductionCheck} runs them with the directory's rule.
 */
final class StorageProductionChecks {

    private StorageProductionChecks() {
    }

    /** The problems as the guard's log lines (for tests and callers holding a plain environment). */
    static List<String> problems(PropertyResolver env) {
        List<String> problems = new ArrayList<>();
        check(key -> value(env, key), (variable, rule) -> problems.add(line(variable, rule)));
        return problems;
    }

    /** Reports each broken rule as (variable, rule) to {@code problem}; {@code value} reads a raw setting. */
    static void check(UnaryOperator<String> value, BiConsumer<String, String> problem) {
        String type = value.apply("bar.storage.type").strip().toLowerCase(Locale.ROOT);
        if (!type.equals("filesystem") && !type.equals("s3")) {
            problem.accept("BAR_BLOB_STORE", "must be 'filesystem' or 's3'");
        }
        if (!type.equals("s3")) {
            return;
        }
        if (value.apply("bar.storage.s3.bucket").isBlank()) {
            problem.accept("BAR_S3_BUCKET", "is missing");
        }
        String endpoint = value.apply("bar.storage.s3.endpoint").strip();
        if (!endpoint.isBlank()) {
            URI uri = parse(endpoint);
            boolean allowHttp = Boolean.parseBoolean(value.apply("bar.storage.s3.allow-http").strip());
            if (uri == null || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null) {
                problem.accept("BAR_S3_ENDPOINT", "must be an https:// URL with a host and no user info or query");
            } else if (!"https".equals(uri.getScheme()) && !(allowHttp && "http".equals(uri.getScheme()))) {
                problem.accept("BAR_S3_ENDPOINT", "must be https:// (set BAR_S3_ALLOW_HTTP=true to allow http)");
            }
        }
        boolean accessKey = !value.apply("bar.storage.s3.access-key").isBlank();
        boolean secretKey = !value.apply("bar.storage.s3.secret-key").isBlank();
        if (accessKey != secretKey) {
            problem.accept(accessKey ? "BAR_S3_SECRET_KEY" : "BAR_S3_ACCESS_KEY",
                    "must be set together with " + (accessKey ? "BAR_S3_ACCESS_KEY" : "BAR_S3_SECRET_KEY")
                            + " (or neither, for the SDK's credentials chain)");
        }
    }

    private static String line(String variable, String rule) {
        return "variable=" + variable + " rule=\"" + rule + "\"";
    }

    private static String value(PropertyResolver env, String key) {
        String v = env.getProperty(key);
        return v == null ? "" : v.strip();
    }

    private static URI parse(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
