package app.bar.platform.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Deployment-wide settings under {@code bar.*}. The environment variables named in the README
 * are mapped onto these keys in {@code application.yml}; the embedded defaults live there and
 * {@code application-prod.yml} removes them, so production must set each one
 * ({@link ProductionGuard} checks). An empty {@code publicUrl} (the embedded default) means
 * {@code http://localhost:<bound port>}: read it through {@code platform.web.PublicUrl}.
 */
@ConfigurationProperties("bar")
@Validated
public record BarProperties(
        @NotNull Path dataDir,
        @DefaultValue("") String publicUrl,
        @Valid @NotNull Database database,
        @Valid @NotNull Redis redis,
        @Valid @NotNull Http http,
        @Valid @NotNull Errors errors) {

    /** Where metadata lives: H2 under the data directory by default, PostgreSQL in production. */
    public record Database(@NotBlank String url, String username, String password) {
        @Override
        public String toString() {
            return "Database[url hidden, username hidden, password hidden]";
        }
    }

    /**
     * Redis for shared rate limits and revocation notices; a blank URL means in-process only.
     * Every key starts with {@code namespace}, so several deployments (or test runs) can share a server.
     */
    public record Redis(@DefaultValue("") String url, @DefaultValue("bar") String namespace) {
        public boolean enabled() {
            return !url.isBlank();
        }

        @Override
        public String toString() {
            return "Redis[" + (enabled() ? "configured" : "off") + "]";
        }
    }

    /**
     * HTTP edge: CORS allow-list, proxies whose {@code X-Forwarded-For} is believed, body limit,
     * and HSTS (on in production, where TLS ends at the proxy, so it is sent on every response).
     */
    public record Http(
            @DefaultValue({}) List<String> allowedOrigins,
            @DefaultValue({}) List<String> trustedProxies,
            @DefaultValue("64KB") DataSize maxBodySize,
            @DefaultValue("false") boolean hsts) {
    }

    /** {@code exposeDetails} puts exception details in 5xx bodies: a debugging aid production refuses. */
    public record Errors(@DefaultValue("false") boolean exposeDetails) {
    }
}
