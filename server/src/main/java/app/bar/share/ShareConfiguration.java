package app.bar.share;

import app.bar.platform.web.BodyLimitRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

/**
 * Body limits of the share routes (the upload streams and enforces its own limit while it
 * reads). The virus scanner is configured with the upload, in {@code share.create}.
 */
@Configuration(proxyBeanMethods = false)
class ShareConfiguration {

    /** A 1 MiB text in JSON, with room for escapes and the policy fields. */
    static final DataSize CREATE_LIMIT = DataSize.ofMegabytes(2);

    @Bean
    @Order(0)
    BodyLimitRule shareCreateBodyLimit(ShareProperties properties) {
        long textRoom = Math.max(CREATE_LIMIT.toBytes(), properties.maxTextSize().toBytes() * 2);
        return new BodyLimitRule(HttpMethod.POST, "/api/shares", DataSize.ofBytes(textRoom));
    }

    @Bean
    @Order(0)
    BodyLimitRule shareUploadBodyLimit() {
        return new BodyLimitRule(HttpMethod.PUT, "/api/shares/{id}/content", null);
    }
}
