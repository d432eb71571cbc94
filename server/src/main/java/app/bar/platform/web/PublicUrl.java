package app.bar.platform.web;

import app.bar.platform.config.BarProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address people reach BAR at, for the links in mails and API answers (never taken from a
 * request's Host header). Production sets it ({@code BAR_PUBLIC_URL}; the production check
 * demands {@code https://}). The embedded default leaves it empty and uses
 * {@code http://localhost:<the port actually bound>}, so {@code BAR_PORT=8081} or a random port
 * gives links that work (issue 13 item 12).
 */
@Component
public final class PublicUrl implements ApplicationListener<WebServerInitializedEvent> {

    private final String configured;
    private volatile String base;

    public PublicUrl(BarProperties properties, Environment env) {
        this.configured = withoutTrailingSlash(properties.publicUrl().strip());
        this.base = configured.isEmpty() ? localhost(env.getProperty("server.port", Integer.class, 8080)) : configured;
    }

    /** The base URL without a trailing slash: {@code https://bar.example.com}. */
    public String base() {
        return base;
    }

    /** The base URL followed by {@code path} (which starts with {@code /}). */
    public String resolve(String path) {
        return base + path;
    }

    public boolean https() {
        return base.startsWith("https://");
    }

    /** The main server (not the management port) is listening: an unset public URL now knows its port. */
    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (configured.isEmpty() && event.getApplicationContext().getServerNamespace() == null) {
            base = localhost(event.getWebServer().getPort());
        }
    }

    private static String localhost(int port) {
        return "http://localhost:" + port;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
