package app.bar.platform.secrets;

import java.nio.CharBuffer;
import java.util.Arrays;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A password as sent by a person, in the manner of {@link SecretBytes}: characters in a private
 * array (never a {@code String} field or a record component, whose {@code toString()} would print
 * it), copies in and out, a {@code toString()} that prints nothing, equality in constant time.
 * From JSON it is read straight from the parser's character buffer, so binding makes no
 * {@code String} of it; a JSON value that is not a string is a wrong-type error naming the field.
 *
 * <p>Spring Security's {@code Argon2PasswordEncoder} takes a {@code CharSequence} and makes a
 * {@code String} of it while hashing: that copy is the encoder's, short-lived, and not ours to avoid.
 */
@JsonDeserialize(using = Password.FromJson.class)
public final class Password {

    private final char[] chars;

    private Password(char[] chars) {
        this.chars = chars;
    }

    public static Password of(char[] chars) {
        return new Password(chars.clone());
    }

    /** For values that are strings already (configuration, tests). */
    public static Password of(String value) {
        return new Password(value.toCharArray());
    }

    public char[] toCharArray() {
        return chars.clone();
    }

    /** A read-only view for APIs that take a {@code CharSequence} (hashing, strength estimation). */
    public CharSequence asCharSequence() {
        return CharBuffer.wrap(chars).asReadOnlyBuffer();
    }

    /** The first {@code codePoints} code points (all of it when shorter), as a read-only view. */
    public CharSequence prefix(int codePoints) {
        int count = codePointCount();
        int end = count <= codePoints ? chars.length : Character.offsetByCodePoints(chars, 0, chars.length, 0, codePoints);
        return CharBuffer.wrap(chars, 0, end).asReadOnlyBuffer();
    }

    /** Its length as a person counts it: code points, not UTF-16 units. */
    public int codePointCount() {
        return Character.codePointCount(chars, 0, chars.length);
    }

    public boolean isEmpty() {
        return chars.length == 0;
    }

    /** Equality in time that depends on the length only. */
    public boolean equalsPassword(Password other) {
        if (chars.length != other.chars.length) {
            return false;
        }
        int difference = 0;
        for (int i = 0; i < chars.length; i++) {
            difference |= chars[i] ^ other.chars[i];
        }
        return difference == 0;
    }

    /** Overwrites the characters: for a caller that is done with it and owns it. */
    public void wipe() {
        Arrays.fill(chars, '\0');
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Password that && equalsPassword(that);
    }

    @Override
    public int hashCode() {
        return chars.length; // content-free
    }

    @Override
    public String toString() {
        return "Password[hidden]";
    }

    /** Reads a JSON string into a {@link Password} without a {@code String} in between. */
    static final class FromJson extends ValueDeserializer<Password> {
        @Override
        public Password deserialize(JsonParser p, DeserializationContext context) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Password) context.handleUnexpectedToken(Password.class, p);
            }
            char[] buffer = p.getStringCharacters(); // the parser's buffer: copied out, never kept
            int offset = p.getStringOffset();
            return new Password(Arrays.copyOfRange(buffer, offset, offset + p.getStringLength()));
        }
    }
}
