package app.bar.security;

import app.bar.platform.web.Access;
import app.bar.platform.web.RoutePolicy;
import app.bar.platform.web.RouteTable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Authorizes each request by the {@link Access} its module declared in its {@link RoutePolicy}
 * (the {@link RouteTable}), with Spring Security's own authority checks. A request no module
 * declared is open, so an unknown path ends in the API's 404; every mapped endpoint has a
 * declaration (a test walks the handler mappings).
 */
final class RouteAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

    private final RouteTable routes;
    private final Map<Access, AuthorizationManager<RequestAuthorizationContext>> managers = new HashMap<>();

    RouteAuthorization(RouteTable routes) {
        this.routes = routes;
        for (RoutePolicy policy : routes.policies()) {
            managers.computeIfAbsent(policy.access(), RouteAuthorization::manager);
        }
    }

    @Override
    public @Nullable AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
            RequestAuthorizationContext context) {
        RoutePolicy policy = routes.find(context.getRequest()).orElse(null);
        if (policy == null) {
            return GRANTED;
        }
        return managers.get(policy.access()).authorize(authentication, context);
    }

    private static AuthorizationManager<RequestAuthorizationContext> manager(Access access) {
        String scope = "SCOPE_" + access.scope();
        return switch (access.kind()) {
            case ANYONE -> (authentication, context) -> GRANTED;
            case ANONYMOUS_OR_SCOPE -> anonymousOrScope(scope);
            // a session carries every user scope; an API token only those it was made with
            case SCOPE -> AuthorityAuthorizationManager.hasAnyAuthority(AccountAuthentication.SESSION_AUTHORITY, scope);
            case SESSION -> AuthorityAuthorizationManager.hasAuthority(AccountAuthentication.SESSION_AUTHORITY);
            case ADMIN -> AuthorityAuthorizationManager.hasRole(Role.ADMIN.name());
        };
    }

    /** Lets anonymous requests through (the endpoint decides) and requires {@code scope} of signed-in ones. */
    private static AuthorizationManager<RequestAuthorizationContext> anonymousOrScope(String scope) {
        return (authentication, context) -> {
            Authentication auth = authentication.get();
            boolean anonymous = auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken;
            return new AuthorizationDecision(anonymous
                    || auth.getAuthorities().stream().anyMatch(a -> scope.equals(a.getAuthority())));
        };
    }
}
