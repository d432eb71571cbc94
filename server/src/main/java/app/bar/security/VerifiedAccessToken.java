package app.bar.security;

/** The claims BAR reads from an access token whose signature, kid, type and claims checked out. */
record VerifiedAccessToken(String accountId, String sessionId, String generation, Role role) {
}
