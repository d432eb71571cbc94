// The create form's password generator (issue 13 item 10): random characters from WebCrypto,
// drawn without bias. Pure: Node's test runner checks it with a source of its own.

/**
 * Letters and digits without look-alikes (0 O o 1 l I), so a password read out or typed from a
 * screen survives: 56 characters, about 5.8 bits each.
 */
export const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
/** 20 characters of {@link ALPHABET}: about 116 bits, beyond guessing even at the server's attempt limits. */
export const LENGTH = 20;

/**
 * A random password. Each byte of {@code fill} (WebCrypto's getRandomValues by default) picks a
 * character only when it is below the largest multiple of the alphabet's size: a byte above it
 * would favour the first characters (modulo bias), so it is drawn again.
 */
export function generatePassword(length = LENGTH, alphabet = ALPHABET, fill = (bytes) => crypto.getRandomValues(bytes)) {
  if (alphabet.length < 2 || alphabet.length > 256) {
    throw new RangeError('an alphabet has 2 to 256 characters'); // i18n-ignore: a programming error, never shown
  }
  const limit = 256 - (256 % alphabet.length);
  const bytes = new Uint8Array(Math.max(16, length * 2));
  let password = '';
  while (password.length < length) {
    fill(bytes);
    for (const b of bytes) {
      if (b < limit && password.length < length) {
        password += alphabet[b % alphabet.length];
      }
    }
  }
  return password;
}
