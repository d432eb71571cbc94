package app.bar.mail;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Mail: with no SMTP host, messages are written as {@code .eml} files into {@code outbox}
 * (embedded default); production requires SMTP with STARTTLS or SMTPS.
 */
@ConfigurationProperties("bar.mail")
@Validated
public record MailProperties(
        @NotBlank String from,
        @NotNull Path outbox,
        @Valid @NotNull Smtp smtp) {

    public record Smtp(
            @DefaultValue("") String host,
            @DefaultValue("587") int port,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("starttls") Tls tls) {

        public boolean enabled() {
            return !host.isBlank();
        }

        @Override
        public String toString() {
            return "Smtp[" + (enabled() ? "configured" : "off") + ", tls=" + tls + "]";
        }
    }

    /** How the SMTP connection is protected; {@code none} only for a local test server. */
    public enum Tls { STARTTLS, SMTPS, NONE }
}
