package app.bar.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A {@code PUT} with {@code Expect: 100-continue} over a plain socket: the body is sent only after
 * the server's {@code 100}; a final answer instead is returned without sending a byte of it. The
 * JDK 17 {@code HttpClient} hangs when the answer to {@code Expect} is not {@code 100} (JDK 25 and
 * curl do not), so tests that must see such an answer use this instead.
 */
public final class ContinueUpload {

    /** The final answer: status, the {@code Retry-After} header (or null) and the body. */
    public record Answer(int status, String retryAfter, String body, boolean bodySent) {
    }

    private ContinueUpload() {
    }

    public static Answer put(int port, String path, String bearer, InputStream body, long length) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(300_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String head = "PUT " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + bearer
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + length
                    + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Head first = readHead(in);
            if (first.status != 100) {
                return new Answer(first.status, first.retryAfter, readBody(in, first.contentLength), false);
            }
            body.transferTo(out);
            out.flush();
            Head last = readHead(in);
            return new Answer(last.status, last.retryAfter, readBody(in, last.contentLength), true);
        }
    }

    private record Head(int status, String retryAfter, long contentLength) {
    }

    private static Head readHead(InputStream in) throws IOException {
        String status = line(in);
        int code = Integer.parseInt(status.split(" ")[1]);
        String retryAfter = null;
        long length = -1;
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("retry-after:")) {
                retryAfter = line.substring(12).trim();
            } else if (lower.startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        return new Head(code, retryAfter, length);
    }

    private static String readBody(InputStream in, long length) throws IOException {
        byte[] bytes = length >= 0 ? in.readNBytes((int) length) : in.readAllBytes(); // Connection: close
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.write(c);
            }
        }
        if (c < 0 && line.size() == 0) {
            throw new IOException("the connection closed before an answer");
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
