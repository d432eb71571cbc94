package app.bar.share.create;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * clamd's {@code INSTREAM} command over TCP ({@code tcp://host:port}) or a Unix socket
 * ({@code unix:/run/clamav/clamd.ctl}): {@code zINSTREAM\0}, then chunks as 4-byte big-endian
 * length + bytes, a zero length to end, and one reply line ({@code stream: OK} or
 * {@code stream: <name> FOUND}). Anything else — refused connection, timeout, clamd's own size
 * limit ({@code StreamMaxLength}) — is "unavailable", and the upload fails closed.
 *
 * <p>Hand-written: the protocol is a dozen lines and the Java clamd clients on Maven Central
 * are unmaintained or pull in frameworks.
 */
final class ClamdScanner implements VirusScanner {

    private static final Logger log = LoggerFactory.getLogger(ClamdScanner.class);
    private static final int MAX_CHUNK = 64 * 1024;

    private final URI endpoint;
    private final Duration timeout;

    ClamdScanner(String url, Duration timeout) {
        this.endpoint = URI.create(url.strip());
        this.timeout = timeout;
        String scheme = endpoint.getScheme();
        if (!"tcp".equals(scheme) && !"unix".equals(scheme)) {
            throw new IllegalArgumentException("bar.shares.clamd-url must be tcp://host:port or unix:/path");
        }
    }

    @Override
    public Scan start() throws ScannerUnavailableException {
        try {
            Connection c = connect();
            c.out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            return new ClamdScan(c);
        } catch (IOException e) {
            throw new ScannerUnavailableException("clamd unreachable", e);
        }
    }

    private Connection connect() throws IOException {
        if ("unix".equals(endpoint.getScheme())) {
            SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(endpoint.getPath()));
            return new Connection(channel, Channels.newInputStream(channel), Channels.newOutputStream(channel));
        }
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
        return new Connection(socket, socket.getInputStream(), socket.getOutputStream());
    }

    private record Connection(AutoCloseable handle, InputStream in, OutputStream out) {
    }

    private static final class ClamdScan implements Scan {
        private final Connection connection;
        private final byte[] header = new byte[4];

        ClamdScan(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void feed(byte[] chunk, int length) throws ScannerUnavailableException {
            try {
                for (int off = 0; off < length; off += MAX_CHUNK) {
                    int n = Math.min(MAX_CHUNK, length - off);
                    writeLength(n);
                    connection.out.write(chunk, off, n);
                }
            } catch (IOException e) {
                throw new ScannerUnavailableException("clamd stopped reading (StreamMaxLength?)", e);
            }
        }

        @Override
        public Verdict verdict() throws ScannerUnavailableException {
            String reply;
            try {
                writeLength(0);
                connection.out.flush();
                reply = readReply();
            } catch (IOException e) {
                throw new ScannerUnavailableException("clamd did not answer", e);
            }
            if (reply.endsWith("FOUND")) {
                log.warn("share.upload_infected");
                return Verdict.INFECTED;
            }
            if (reply.endsWith(": OK")) {
                return Verdict.CLEAN;
            }
            throw new ScannerUnavailableException("clamd error reply");
        }

        private void writeLength(int n) throws IOException {
            header[0] = (byte) (n >>> 24);
            header[1] = (byte) (n >>> 16);
            header[2] = (byte) (n >>> 8);
            header[3] = (byte) n;
            connection.out.write(header);
        }

        private String readReply() throws IOException {
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            int b;
            while ((b = connection.in.read()) > 0 && reply.size() < 1024) {
                reply.write(b);
            }
            return reply.toString(StandardCharsets.US_ASCII).strip();
        }

        @Override
        public void close() {
            try {
                connection.handle.close();
            } catch (Exception e) {
                // the scan is over either way
            }
        }
    }
}
