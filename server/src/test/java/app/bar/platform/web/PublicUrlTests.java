package app.bar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import app.bar.platform.config.BarProperties;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/** Issue 13 item 12: links point at the port BAR actually listens on unless a public URL is set. */
class PublicUrlTests {

    private static PublicUrl publicUrl(String configured, String serverPort) {
        BarProperties properties = new BarProperties(Path.of("data"), configured,
                new BarProperties.Database("jdbc:h2:mem:x", "", ""), new BarProperties.Redis("", "bar"),
                new BarProperties.Http(List.of(), List.of(), DataSize.ofKilobytes(64), false), new BarProperties.Errors(false));
        return new PublicUrl(properties, new MockEnvironment().withProperty("server.port", serverPort));
    }

    private static WebServerInitializedEvent bound(int port, @Nullable String namespace) {
        WebServer server = mock(WebServer.class);
        when(server.getPort()).thenReturn(port);
        WebServerApplicationContext context = mock(WebServerApplicationContext.class);
        when(context.getServerNamespace()).thenReturn(namespace);
        WebServerInitializedEvent event = mock(WebServerInitializedEvent.class);
        when(event.getWebServer()).thenReturn(server);
        when(event.getApplicationContext()).thenReturn(context);
        return event;
    }

    @Test
    void baseWhenConfiguredThenThatUrlWithoutTrailingSlash() {
        assertThat(publicUrl("https://bar.example.com/", "8080").base()).isEqualTo("https://bar.example.com");
    }

    @Test
    void baseWhenEmptyAndServerBoundThenLocalhostOnTheBoundPort() {
        PublicUrl url = publicUrl("", "8081");
        url.onApplicationEvent(bound(8081, null));
        assertThat(url.resolve("/s/abc")).isEqualTo("http://localhost:8081/s/abc");
    }

    @Test
    void baseWhenEmptyAndRandomPortBoundThenThatPort() {
        PublicUrl url = publicUrl("", "0");
        url.onApplicationEvent(bound(41234, null));
        assertThat(url.base()).isEqualTo("http://localhost:41234");
    }

    @Test
    void baseWhenEmptyBeforeTheServerIsBoundThenTheConfiguredPort() {
        assertThat(publicUrl("", "8082").base()).isEqualTo("http://localhost:8082");
    }

    @Test
    void baseWhenConfiguredAndServerBoundThenTheConfiguredUrlStays() {
        PublicUrl url = publicUrl("https://bar.example.com", "8080");
        url.onApplicationEvent(bound(8081, null));
        assertThat(url.base()).isEqualTo("https://bar.example.com");
        assertThat(url.https()).isTrue();
    }

    @Test
    void baseWhenManagementServerBoundThenIgnored() {
        PublicUrl url = publicUrl("", "8081");
        url.onApplicationEvent(bound(8081, null));
        url.onApplicationEvent(bound(9090, "management"));
        assertThat(url.base()).isEqualTo("http://localhost:8081");
        assertThat(url.https()).isFalse();
    }
}
