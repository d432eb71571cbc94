package app.bar.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

/**
 * A route whose body limit differs from {@code bar.http.max-body-size}. A {@code null} limit
 * means the handler streams the body and enforces its own limit (uploads).
 *
 * @param pattern a Spring path pattern, for example {@code /api/shares/{id}/content}
 */
public record BodyLimitRule(HttpMethod method, String pattern, @Nullable DataSize limit) {
}
