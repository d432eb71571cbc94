package app.bar.account;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.platform.SqlTime;
import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.secrets.OpaqueTokens;
import app.bar.security.AccountAuthentication;
import app.bar.security.ApiTokenAuthenticator;
import app.bar.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Personal API tokens for scripts: {@code bar_pat_} + 256 random bits, shown once, stored as
 * SHA-256, with scopes, an expiry of at most a year and a last-used time (written at most once
 * a minute, so a busy script does not turn every request into a write).
 */
@Service
class ApiTokens implements ApiTokenAuthenticator {

    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final SecurityEvents events;
    private final AccountProperties properties;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, SecurityEvents events, AccountProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Optional<AccountAuthentication> authenticate(String token) {
        Instant now = clock.instant();
        Optional<Found> found = jdbc.sql("""
                select t.id, t.account_id, t.scopes, a.role from api_tokens t join accounts a on a.id = t.account_id
                where t.token_hash = :hash and t.expires_at > :now and a.state = 'ACTIVE'""")
                .param("hash", OpaqueTokens.sha256Hex(token)).param("now", SqlTime.of(now))
                .query((rs, i) -> new Found(rs.getString("id"), rs.getString("account_id"), scopes(rs.getString("scopes")),
                        Role.of(rs.getString("role"))))
                .optional();
        found.ifPresent(f -> jdbc.sql("""
                update api_tokens set last_used_at = :now
                where id = :id and (last_used_at is null or last_used_at < :before)""")
                .param("now", SqlTime.of(now)).param("id", f.id()).param("before", SqlTime.of(now.minus(TOUCH_INTERVAL)))
                .update());
        return found.map(f -> AccountAuthentication.apiToken(f.accountId(), f.role(), f.scopes()));
    }

    /** A new token; the only time its value is ever seen. */
    CreatedToken create(String accountId, Role role, @Nullable String name, @Nullable List<String> scopes,
            @Nullable Integer expiresInDays) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 100 || cleanName.codePoints().anyMatch(Character::isISOControl)) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_SIZE,
                    "name", "must be 1 to 100 characters without control characters");
        }
        Set<String> granted = checkScopes(scopes, role);
        long maxDays = properties.apiTokenMaxLifetime().toDays();
        int days = expiresInDays == null ? (int) Math.min(90, maxDays) : expiresInDays;
        if (days < 1 || days > maxDays) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_OUT_OF_RANGE,
                    "expiresInDays", "must be between 1 and " + maxDays);
        }
        long existing = jdbc.sql("select count(*) from api_tokens where account_id = :id").param("id", accountId)
                .query(Long.class).single();
        if (existing >= properties.maxApiTokens()) {
            throw new BarProblem.Conflict(AccountCodes.API_TOKEN_LIMIT,
                    "You have " + properties.maxApiTokens() + " tokens, the most allowed; delete one first.");
        }
        Instant now = clock.instant();
        String token = PREFIX + OpaqueTokens.newSecret();
        TokenView view = new TokenView(OpaqueTokens.newId(), cleanName, List.copyOf(granted), now, now.plus(Duration.ofDays(days)),
                null);
        jdbc.sql("""
                insert into api_tokens (id, account_id, token_hash, name, scopes, created_at, expires_at)
                values (:id, :account, :hash, :name, :scopes, :created, :expires)""")
                .param("id", view.id()).param("account", accountId).param("hash", OpaqueTokens.sha256Hex(token))
                .param("name", cleanName).param("scopes", String.join(" ", granted))
                .param("created", SqlTime.of(now)).param("expires", SqlTime.of(view.expiresAt()))
                .update();
        events.record(SecurityEventType.API_TOKEN_CREATED, accountId, Map.of("tokenId", view.id(), "scopes", String.join(" ", granted)));
        return new CreatedToken(view, token);
    }

    List<TokenView> list(String accountId) {
        return jdbc.sql("""
                select id, name, scopes, created_at, expires_at, last_used_at from api_tokens
                where account_id = :id order by created_at desc""")
                .param("id", accountId).query(ApiTokens::view).list();
    }

    /** Deletes one of the account's own tokens; another account's token is "not found". */
    void delete(String accountId, String tokenId) {
        int n = jdbc.sql("delete from api_tokens where id = :id and account_id = :account")
                .param("id", tokenId).param("account", accountId).update();
        if (n == 0) {
            throw new BarProblem.NotFound();
        }
        events.record(SecurityEventType.API_TOKEN_DELETED, accountId, Map.of("tokenId", tokenId));
    }

    void deleteAll(String accountId) {
        jdbc.sql("delete from api_tokens where account_id = :id").param("id", accountId).update();
    }

    private static Set<String> checkScopes(@Nullable List<String> scopes, Role role) {
        if (scopes == null || scopes.isEmpty()) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_REQUIRED,
                    "scopes", "must name at least one of " + AccountAuthentication.SCOPES);
        }
        Set<String> granted = new LinkedHashSet<>();
        for (String scope : scopes) {
            if (scope == null || !AccountAuthentication.SCOPES.contains(scope)) {
                throw new BarProblem.Invalid(AccountCodes.SCOPE_NOT_ALLOWED,
                        "scopes", "may only contain " + AccountAuthentication.SCOPES);
            }
            if (scope.equals("admin") && role != Role.ADMIN) {
                throw new BarProblem.Invalid(AccountCodes.SCOPE_NOT_ALLOWED,
                        "scopes", "may contain admin only for an administrator");
            }
            granted.add(scope);
        }
        return granted;
    }

    private static Set<String> scopes(String stored) {
        return new LinkedHashSet<>(Arrays.asList(stored.split(" ")));
    }

    private static TokenView view(ResultSet rs, int row) throws SQLException {
        return new TokenView(rs.getString("id"), rs.getString("name"), List.copyOf(scopes(rs.getString("scopes"))),
                SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "expires_at"), SqlTime.instant(rs, "last_used_at"));
    }

    private record Found(String id, String accountId, Set<String> scopes, Role role) {
    }

    /** What the owner sees of a token: never its value or hash. */
    record TokenView(String id, String name, List<String> scopes, Instant createdAt, Instant expiresAt,
            @Nullable Instant lastUsedAt) {
    }

    /** A new token and its value, for the one response that shows it. Not printed. */
    static final class CreatedToken {
        private final TokenView view;
        private final String token;

        CreatedToken(TokenView view, String token) {
            this.view = view;
            this.token = token;
        }

        TokenView view() {
            return view;
        }

        String token() {
            return token;
        }

        @Override
        public String toString() {
            return "CreatedToken[" + view.id() + "]";
        }
    }
}
