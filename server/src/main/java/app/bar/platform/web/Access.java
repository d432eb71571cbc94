package app.bar.platform.web;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who may call a route, as a module declares it in its {@link RoutePolicy}; the security module
 * is the one that enforces it. The words are the credentials BAR knows — a browser session, a
 * personal API token with scopes, the admin role — and no feature.
 *
 * @param scope the API-token scope for {@link Kind#SCOPE} and {@link Kind#ANONYMOUS_OR_SCOPE}, without {@code SCOPE_}
 */
public record Access(Kind kind, @Nullable String scope) {

    public enum Kind {
        /** Anyone, signed in or not: the endpoint checks its own rules (a share's password, a refresh cookie). */
        ANYONE,
        /** Anonymous callers pass (the endpoint decides); a signed-in caller needs the scope. */
        ANONYMOUS_OR_SCOPE,
        /** Signed in with a session, or with an API token that carries the scope. */
        SCOPE,
        /** Signed in with a session (cookie or bearer); an API token is not enough. */
        SESSION,
        /** Signed in as an admin (a session, or an API token with the {@code admin} scope). */
        ADMIN
    }

    public Access {
        Objects.requireNonNull(kind, "kind");
        boolean scoped = kind == Kind.SCOPE || kind == Kind.ANONYMOUS_OR_SCOPE;
        if (scoped != (scope != null && !scope.isBlank())) {
            throw new IllegalArgumentException(kind + (scoped ? " needs a scope" : " takes no scope"));
        }
    }

    public static Access anyone() {
        return new Access(Kind.ANYONE, null);
    }

    public static Access anonymousOrScope(String scope) {
        return new Access(Kind.ANONYMOUS_OR_SCOPE, scope);
    }

    public static Access scope(String scope) {
        return new Access(Kind.SCOPE, scope);
    }

    public static Access session() {
        return new Access(Kind.SESSION, null);
    }

    public static Access admin() {
        return new Access(Kind.ADMIN, null);
    }

    @Override
    public String toString() {
        return scope == null ? kind.name() : kind + "(" + scope + ")";
    }
}
