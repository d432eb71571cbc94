package app.bar.platform.streams;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat answers {@code Expect: 100-continue} only when the application starts reading the body
 * ({@code continueResponseTiming=onRead}; Tomcat's default sends it at once). An upload refused
 * before its body is read ({@link StreamSlots} full, a wrong manage token, a share already
 * uploaded) then gets its final answer before the client sends a byte, instead of a connection
 * the server closes under a body it will not read — which a client sees as a reset, not a 503.
 */
@Component
final class ContinueTiming implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
    }
}
