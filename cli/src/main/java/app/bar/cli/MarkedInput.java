package app.bar.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * An input stream that remembers its first read failure and rethrows it marked, so that a caller
 * several layers up (the HTTP client, the container reader) can tell whose read failed: the
 * network's or the local input's.
 */
final class MarkedInput extends FilterInputStream {

    private final UnaryOperator<IOException> mark;
    private @Nullable IOException failure;

    MarkedInput(InputStream in, UnaryOperator<IOException> mark) {
        super(in);
        this.mark = mark;
    }

    /** The first read failure, unmarked; null when every read succeeded. */
    @Nullable IOException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private IOException failed(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return mark.apply(e);
    }
}
