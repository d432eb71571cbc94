package app.bar.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.core.env.PropertyResolver;

/**
 * What production requires of the blob store when it is S3 (DESIGN.md §3): a bucket, an https
 * endpoint unless http is explicitly allowed ({@code BAR_S3_ALLOW_HTTP}, for a gateway on a
 * private network), and access key and secret set together or not at all. Each problem is one
 * line naming the variable and the rule, in {@code ProductionGuard}'s form; a value is never
 * printed. (The directory's rule, {@code BAR_BLOB_DIR}, is still in {@code ProductionGuard}.)
 */
final class StorageProductionChecks {

    private StorageProductionChecks() {
    }

    static List<String> problems(PropertyResolver env) {
        List<String> problems = new ArrayList<>();
        String type = value(env, "bar.storage.type").toLowerCase(Locale.ROOT);
        if (!type.equals("filesystem") && !type.equals("s3")) {
            problems.add(line("BAR_BLOB_STORE", "must be 'filesystem' or 's3'"));
        }
        if (!type.equals("s3")) {
            return problems;
        }
        if (value(env, "bar.storage.s3.bucket").isBlank()) {
            problems.add(line("BAR_S3_BUCKET", "is missing"));
        }
        String endpoint = value(env, "bar.storage.s3.endpoint");
        if (!endpoint.isBlank()) {
            URI uri = parse(endpoint);
            boolean allowHttp = Boolean.parseBoolean(value(env, "bar.storage.s3.allow-http").strip());
            if (uri == null || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null) {
                problems.add(line("BAR_S3_ENDPOINT", "must be an https:// URL with a host and no user info or query"));
            } else if (!"https".equals(uri.getScheme()) && !(allowHttp && "http".equals(uri.getScheme()))) {
                problems.add(line("BAR_S3_ENDPOINT", "must be https:// (set BAR_S3_ALLOW_HTTP=true to allow http)"));
            }
        }
        boolean accessKey = !value(env, "bar.storage.s3.access-key").isBlank();
        boolean secretKey = !value(env, "bar.storage.s3.secret-key").isBlank();
        if (accessKey != secretKey) {
            problems.add(line(accessKey ? "BAR_S3_SECRET_KEY" : "BAR_S3_ACCESS_KEY",
                    "must be set together with " + (accessKey ? "BAR_S3_ACCESS_KEY" : "BAR_S3_SECRET_KEY")
                            + " (or neither, for the SDK's credentials chain)"));
        }
        return problems;
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
