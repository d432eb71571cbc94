package app.bar.chat;

import static app.bar.platform.ratelimit.RateLimit.perAnonymousIp;
import static app.bar.platform.ratelimit.RateLimit.standard;
import static app.bar.platform.web.RoutePolicy.route;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import app.bar.platform.ratelimit.RatePolicy;
import app.bar.platform.web.Access;
import app.bar.platform.web.RoutePolicies;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policies of {@code /api/chat/**}. Opening a room is open to anonymous callers (limited per
 * client IP like share creation) and to signed-in callers whose token may write shares; a room's
 * state and its socket are open to anyone with the link (the room key in the fragment is what
 * keeps the conversation private); burning needs the owner token.
 */
@Configuration(proxyBeanMethods = false)
class ChatRoutes {

    static final String SOCKET = "/api/chat/rooms/{id}/socket";

    @Bean
    RoutePolicies chatRoutePolicies(Limits limits) {
        return RoutePolicies.of(
                route(POST, "/api/chat/rooms", Access.anonymousOrScope("shares:write"),
                        perAnonymousIp("chat-create", limits.chatCreate())),
                route(GET, "/api/chat/rooms/{id}", Access.anyone(), standard()),
                route(DELETE, "/api/chat/rooms/{id}", Access.anyone(), standard()),
                route(GET, SOCKET, Access.anyone(), standard()));
    }

    /** {@code bar.rate-limits.chat-create} ({@code BAR_RATELIMITS_CHATCREATE}): rooms per anonymous client IP. */
    @ConfigurationProperties("bar.rate-limits")
    record Limits(@DefaultValue("20/1h") RatePolicy chatCreate) {
    }
}
