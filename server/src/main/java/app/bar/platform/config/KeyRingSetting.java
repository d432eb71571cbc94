package app.bar.platform.config;

/**
 * A key ring setting ({@code kid:base64url-secret,...}, newest first) that a module reads.
 *
 * @param variable the environment variable operators set, for example {@code BAR_JWT_KEYS}
 * @param key the property it maps to
 * @param devFile the file under {@code <data-dir>/keys} that holds the embedded default's generated ring
 * @param prefix the key id prefix of a generated entry
 * @param minBytes the shortest secret accepted (a generated one has this length)
 * @param maxBytes the longest secret accepted
 */
public record KeyRingSetting(String variable, String key, String devFile, String prefix, int minBytes, int maxBytes) {
}
