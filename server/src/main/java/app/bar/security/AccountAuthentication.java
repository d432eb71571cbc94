package app.bar.security;

import app.bar.platform.web.CurrentAccount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request signed in as an account. {@link #getName()} is the account id (never the email),
 * so {@code CurrentAccount.id()} works for every module. Authorities: {@code ROLE_USER},
 * {@code ROLE_ADMIN} for admins, {@code SCOPE_<scope>} for what the credential may do (a browser
 * session has every user scope; a personal API token only the scopes it was created with), and
 * {@code AUTH_SESSION} when the credential is a session (account management needs one).
 */
public final class AccountAuthentication extends AbstractAuthenticationToken implements CurrentAccount.SessionBound {

    private static final long serialVersionUID = 1L;

    /** Scopes a personal API token can carry; a session has all but {@code admin} (which comes with the role). */
    public static final List<String> SCOPES = List.of("shares:read", "shares:write", "account:read", "admin");
    public static final String SESSION_AUTHORITY = "AUTH_SESSION";

    /** How the request proved who it is; only {@link #SESSION_COOKIE} needs a CSRF token. */
    public enum Method { SESSION_COOKIE, SESSION_BEARER, API_TOKEN }

    private final String accountId;
    private final @Nullable String sessionId;
    private final @Nullable String generation;
    private final Method method;

    private AccountAuthentication(String accountId, @Nullable String sessionId, @Nullable String generation,
            Method method, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.accountId = accountId;
        this.sessionId = sessionId;
        this.generation = generation;
        this.method = method;
        setAuthenticated(true);
    }

    static AccountAuthentication session(String accountId, String sessionId, String generation, Role role,
            boolean cookie) {
        List<GrantedAuthority> authorities = new ArrayList<>(roles(role));
        authorities.add(new SimpleGrantedAuthority(SESSION_AUTHORITY));
        SCOPES.stream().filter(s -> !s.equals("admin") || role == Role.ADMIN)
                .forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s)));
        return new AccountAuthentication(accountId, sessionId, generation,
                cookie ? Method.SESSION_COOKIE : Method.SESSION_BEARER, authorities);
    }

    /** For a personal API token: the role is granted only as far as the token's scopes allow. */
    public static AccountAuthentication apiToken(String accountId, Role role, Set<String> scopes) {
        boolean admin = role == Role.ADMIN && scopes.contains("admin");
        List<GrantedAuthority> authorities = new ArrayList<>(roles(admin ? Role.ADMIN : Role.USER));
        scopes.stream().filter(SCOPES::contains).filter(s -> !s.equals("admin") || admin)
                .forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s)));
        return new AccountAuthentication(accountId, null, null, Method.API_TOKEN, authorities);
    }

    private static List<GrantedAuthority> roles(Role role) {
        return role == Role.ADMIN
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    public String accountId() {
        return accountId;
    }

    /** The session this request belongs to; {@code null} for an API token. */
    @Override
    public @Nullable String sessionId() {
        return sessionId;
    }

    /** The generation of the session's tokens the access token belongs to (its CSRF token's binding); null for an API token. */
    @Nullable String generation() {
        return generation;
    }

    public Method method() {
        return method;
    }

    @Override
    public String getName() {
        return accountId;
    }

    @Override
    public Object getPrincipal() {
        return accountId;
    }

    @Override
    public @Nullable Object getCredentials() {
        return null; // the token stays out of the security context
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
