package app.bar.chat;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * A room's socket at {@code /api/chat/rooms/{id}/socket}: plain WebSocket (no STOMP: the server
 * only relays opaque frames), behind the same security chain, headers and route policy as the
 * API. Frames larger than {@code bar.chat.max-message-size} are refused by the container (1009).
 * Spring's origin check is opened here only because {@link ChatHandshake} makes the stricter one.
 * Only in a web application: the maintenance commands ({@code rewrap}, {@code migrate-blobs}) start
 * the same beans without a servlet container, and the socket container needs one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSocket
class ChatSocketConfiguration implements WebSocketConfigurer {

    private final ChatSocketHandler handler;
    private final ChatHandshake handshake;

    ChatSocketConfiguration(ChatSocketHandler handler, ChatHandshake handshake) {
        this.handler = handler;
        this.handshake = handshake;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, ChatRoutes.SOCKET).addInterceptors(handshake).setAllowedOriginPatterns("*");
    }

    @Bean
    ServletServerContainerFactoryBean chatSocketContainer(ChatProperties properties) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        int max = (int) properties.maxMessageSize().toBytes();
        container.setMaxTextMessageBufferSize(max);
        container.setMaxBinaryMessageBufferSize(1024);
        container.setMaxSessionIdleTimeout(properties.idleTimeout().plus(properties.pingInterval()).toMillis());
        return container;
    }
}
