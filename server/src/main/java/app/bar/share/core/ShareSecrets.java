package app.bar.share.core;

import app.bar.crypto.KdfParams;
import app.bar.crypto.SealedKey;
import app.bar.platform.secrets.OpaqueTokens;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything a share's destruction must erase: the sealed data key, the password's KDF salt and
 * parameters, the zero-knowledge access and link verifiers, the filename, a text's sealed content
 * and, for a member of a group of per-recipient links, its recipient's wrapped content key. It
 * lives in the share's secrets blob, never in its row: a database keeps old row versions in its
 * files, WAL and backups where no delete reaches them, while deleting the blob removes the only
 * copy (issue 21 item 1). {@code toString()} prints nothing of it.
 *
 * <p>Format (version 1): {@code "BARS"}, version byte, then the fields in order, each string as
 * a presence byte and modified UTF-8 ({@link DataOutputStream#writeUTF}); the inline content as
 * a form byte (0 none, 1 sealed whole, 2 sealed as a stream) and its length-prefixed raw bytes.
 * Version 2 (written only with a {@code recipientKey}, so every other blob stays readable by a node
 * that knows version 1) adds the recipient's wrapped content key as one more string at the end.
 */
public record ShareSecrets(SealedKey sealedKey, @Nullable KdfParams kdf, @Nullable String accessVerifier,
        @Nullable String linkVerifier, @Nullable String filename, @Nullable String inline,
        @Nullable String recipientKey) {

    private static final int MAGIC = 0x42415253; // "BARS"
    private static final int VERSION = 1;
    private static final int VERSION_RECIPIENT = 2;
    /** A text is at most 1 MiB: its sealed bytes stay well below this. */
    private static final int MAX_INLINE = 4 * 1024 * 1024;

    public ShareSecrets {
        Objects.requireNonNull(sealedKey);
    }

    /** What a share's row and content hold of it (a legacy row, or a share being created). */
    public static ShareSecrets of(ShareKeys keys, StoredContent content) {
        return new ShareSecrets(keys.sealed(), keys.kdf(), keys.accessVerifier(), keys.linkVerifier(), content.filename(),
                content.inline(), keys.recipientKey());
    }

    /** The same secrets with the data key sealed anew ({@code rewrap}). */
    public ShareSecrets withKey(SealedKey next) {
        return new ShareSecrets(next, kdf, accessVerifier, linkVerifier, filename, inline, recipientKey);
    }

    public ShareKeys keys() {
        return new ShareKeys(sealedKey, kdf, accessVerifier, linkVerifier, recipientKey);
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + (inline == null ? 0 : inline.length()));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeByte(recipientKey == null ? VERSION : VERSION_RECIPIENT);
            out.writeUTF(sealedKey.kid());
            out.writeUTF(sealedKey.value());
            out.writeBoolean(sealedKey.passwordLayer());
            writeNullable(out, kdf == null ? null : kdf.encode());
            writeNullable(out, accessVerifier);
            writeNullable(out, linkVerifier);
            writeNullable(out, filename);
            if (inline == null) {
                out.writeByte(0);
            } else {
                byte[] sealed = InlineContent.sealedBytes(inline);
                out.writeByte(InlineContent.isWhole(inline) ? 1 : 2);
                out.writeInt(sealed.length);
                out.write(sealed);
            }
            if (recipientKey != null) {
                out.writeUTF(recipientKey);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static ShareSecrets decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int version = in.readInt() == MAGIC ? in.readUnsignedByte() : -1;
            if (version != VERSION && version != VERSION_RECIPIENT) {
                throw new IllegalArgumentException("not a share secrets blob of version " + VERSION + " or "
                        + VERSION_RECIPIENT);
            }
            SealedKey key = new SealedKey(in.readUTF(), in.readUTF(), in.readBoolean());
            String kdf = readNullable(in);
            String verifier = readNullable(in);
            String linkVerifier = readNullable(in);
            String filename = readNullable(in);
            int form = in.readUnsignedByte();
            String inline = null;
            if (form != 0) {
                int length = in.readInt();
                if (length < 0 || length > MAX_INLINE) {
                    throw new IllegalArgumentException("inline content of " + length + " bytes, at most " + MAX_INLINE);
                }
                byte[] sealed = in.readNBytes(length);
                inline = form == 1 ? InlineContent.whole(sealed) : OpaqueTokens.base64Url(sealed);
            }
            String recipientKey = version == VERSION_RECIPIENT ? in.readUTF() : null;
            return new ShareSecrets(key, kdf == null ? null : KdfParams.decode(kdf), verifier, linkVerifier, filename, inline,
                    recipientKey);
        } catch (IOException e) {
            throw new IllegalArgumentException("a truncated share secrets blob", e);
        }
    }

    private static void writeNullable(DataOutputStream out, @Nullable String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static @Nullable String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    @Override
    public String toString() {
        return "ShareSecrets[" + sealedKey.kid() + "]";
    }
}
