package app.bar.account;

/**
 * What a right password leads to: a session ({@link IssuedSession}), or, for an account with a
 * second factor (or one that must enrol), a pending step ({@link MfaPending}) that is no session.
 */
sealed interface SignInStep permits IssuedSession, MfaPending {
}
