package app.bar.security;

import java.util.Optional;

/**
 * Turns a personal API token ({@code bar_pat_...}) into an authentication, or nothing when it
 * is unknown, expired or its account is not active. Implemented by the accounts module.
 */
public interface ApiTokenAuthenticator {

    String PREFIX = "bar_pat_";

    Optional<AccountAuthentication> authenticate(String token);
}
