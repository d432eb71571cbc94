package app.bar.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 in front of the test server that breaks the first connection once
 * the client has sent {@code cutAfter} bytes through it (a network failure in the middle of an
 * upload); later connections pass untouched. Keeps what the server answered, for the test to
 * read ids from.
 */
final class CuttingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final long cutAfter;
    private final AtomicBoolean cut = new AtomicBoolean();
    private final ByteArrayOutputStream answers = new ByteArrayOutputStream();

    CuttingProxy(int target, long cutAfter) {
        this.target = target;
        this.cutAfter = cutAfter;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accept = new Thread(this::acceptLoop, "cutting-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    boolean hasCut() {
        return cut.get();
    }

    String answers() {
        synchronized (answers) {
            return answers.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                boolean cutThis = !cut.get();
                AtomicLong sent = new AtomicLong();
                pump(client, server, cutThis ? sent : null);
                pump(server, client, null);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicLong counted) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (counted != null && counted.addAndGet(n) > cutAfter && cut.compareAndSet(false, true)) {
                        from.close();
                        to.close();
                        return;
                    }
                    if (counted == null) {
                        synchronized (answers) {
                            answers.write(buffer, 0, n);
                        }
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // the other side closed: so does this one
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "cutting-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
