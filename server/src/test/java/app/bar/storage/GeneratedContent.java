package app.bar.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;

/** {@code size} pseudo-random bytes from {@code seed}, made as they are read: a gigabyte without a gigabyte of memory. */
public final class GeneratedContent extends InputStream {

    private final SplittableRandom random;
    private final long size;
    private long position;
    private long word;
    private int wordLeft;

    public GeneratedContent(long size, long seed) {
        this.size = size;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(len, size - position);
        for (int i = 0; i < n; i++) {
            if (wordLeft == 0) {
                word = random.nextLong();
                wordLeft = 8;
            }
            b[off + i] = (byte) word;
            word >>>= 8;
            wordLeft--;
        }
        position += n;
        return n;
    }

    /** Reads {@code actual} to its end and says at which byte it first differs from this content (-1: identical). */
    public static long firstDifference(InputStream actual, long size, long seed) throws IOException {
        GeneratedContent expected = new GeneratedContent(size, seed);
        byte[] a = new byte[1 << 16];
        byte[] e = new byte[1 << 16];
        long at = 0;
        int n;
        while ((n = actual.readNBytes(a, 0, a.length)) > 0) {
            int m = expected.readNBytes(e, 0, n);
            for (int i = 0; i < n; i++) {
                if (i >= m || a[i] != e[i]) {
                    return at + i;
                }
            }
            at += n;
        }
        return at == size ? -1 : at;
    }
}
