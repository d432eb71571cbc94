package app.bar.platform.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

/**
 * A request whose body is watched while it is read: every read of its input stream (or of a reader
 * over it) tells {@link #counted} how many bytes it got and whether the body has ended. The Servlet
 * API has no such hook, so this small wrapper is written by hand; both body filters use it
 * ({@link BodyLimitFilter} counts to its limit, {@link SlowBodyFilter} checks the rate).
 */
abstract class CountedBodyRequest extends HttpServletRequestWrapper {

    private ServletInputStream stream;

    CountedBodyRequest(HttpServletRequest request) {
        super(request);
    }

    /**
     * {@code n} more bytes were read (0 when none); {@code ended}: the body has been read to its end.
     * Throws to fail the read.
     */
    abstract void counted(long n, boolean ended);

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new CountedStream(super.getInputStream(), this);
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
        return new BufferedReader(new InputStreamReader(getInputStream(), encoding));
    }

    private static final class CountedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final CountedBodyRequest request;

        CountedStream(ServletInputStream in, CountedBodyRequest request) {
            this.in = in;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            request.counted(b >= 0 ? 1 : 0, b < 0 || in.isFinished());
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            request.counted(Math.max(n, 0), n < 0 || in.isFinished());
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
