package app.bar.cli;

import app.bar.format.BarContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;

/**
 * A BAR container read as a stream: pulls the plaintext, seals it segment by segment
 * ({@link BarContainer#seal}) and hands out the sealed bytes, so an upload body can be produced
 * on demand without a thread or a temporary file. Holds at most about one segment (1 MiB).
 */
final class SealingStream extends InputStream {

    private static final int READ_BYTES = 64 * 1024;

    private final InputStream plaintext;
    private final Pending pending = new Pending();
    private final OutputStream sealer;
    private final byte[] chunk = new byte[READ_BYTES];
    private boolean ended;

    /** Seals the metadata frame ({@code metadataJson}) and then everything {@code plaintext} gives. */
    SealingStream(InputStream plaintext, byte[] contentKey, boolean passwordBound, String metadataJson) throws IOException {
        this.plaintext = plaintext;
        this.sealer = BarContainer.seal(pending, contentKey, passwordBound);
        BarContainer.writeMetadata(sealer, metadataJson);
    }

    /** How many bytes the container of {@code contentBytes} of content with this metadata takes. */
    static long containerSize(long contentBytes, int metadataBytes) {
        long plain = 4L + metadataBytes + contentBytes;
        long segments = Math.max(1, (plain + BarContainer.DEFAULT_SEGMENT_SIZE - 1) / BarContainer.DEFAULT_SEGMENT_SIZE);
        return BarContainer.HEADER_BYTES + plain + segments * BarContainer.TAG_BYTES;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (pending.isEmpty() && !ended) {
            int n = plaintext.read(chunk);
            if (n < 0) {
                ended = true;
                sealer.close(); // seals the last segment
            } else {
                sealer.write(chunk, 0, n);
            }
        }
        return pending.isEmpty() ? -1 : pending.take(target, offset, length);
    }

    @Override
    public void close() throws IOException {
        java.util.Arrays.fill(chunk, (byte) 0);
        plaintext.close();
    }

    /** Sealed bytes not yet read: the header, then whole segments as the sealer emits them. */
    private static final class Pending extends OutputStream {
        private final ArrayDeque<byte[]> parts = new ArrayDeque<>();
        private int headOffset;

        @Override
        public void write(int b) {
            parts.add(new byte[] {(byte) b});
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            if (length > 0) {
                parts.add(java.util.Arrays.copyOfRange(data, offset, offset + length));
            }
        }

        boolean isEmpty() {
            return parts.isEmpty();
        }

        int take(byte[] target, int offset, int length) {
            byte[] head = parts.element();
            int n = Math.min(length, head.length - headOffset);
            System.arraycopy(head, headOffset, target, offset, n);
            headOffset += n;
            if (headOffset == head.length) {
                parts.remove();
                headOffset = 0;
            }
            return n;
        }
    }
}
