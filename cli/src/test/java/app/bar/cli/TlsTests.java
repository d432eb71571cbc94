package app.bar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS is verified: a server whose certificate comes from a private CA is refused (exit 6, naming
 * --ca-file) until the CA is given with {@code --ca-file}. The certificate is made by the JDK's
 * keytool for 127.0.0.1.
 */
class TlsTests {

    private static final char[] STORE_PASSWORD = "changeit".toCharArray();
    private static final String META = "{\"kind\":\"text\",\"requiresPassword\":false,\"requiresOtp\":false,"
            + "\"zeroKnowledge\":true,\"viewOnly\":false,\"expiresAt\":\"2030-01-01T00:00:00Z\"}";

    @TempDir
    static Path dir;

    private static HttpsServer server;
    private static Path caFile;

    @BeforeAll
    static void start() throws Exception {
        Path store = dir.resolve("server.p12");
        caFile = dir.resolve("ca.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(STORE_PASSWORD));
        run(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", store.toString(), "-storepass",
                new String(STORE_PASSWORD), "-file", caFile.toString());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, STORE_PASSWORD);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(managers.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/api/shares/", exchange -> {
            byte[] body = META.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    private static String link() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/s/AbCd#HyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4";
    }

    @Test
    void infoWhenCertificateFromUnknownCaThenExit6NamingCaFile() {
        TestIo io = new TestIo(dir.resolve("config"));
        assertThat(io.run("info", link())).isEqualTo(Exit.FAILED);
        assertThat(io.err()).startsWith("bar: TLS with 127.0.0.1:").contains("--ca-file").hasLineCount(1);
    }

    @Test
    void infoWhenCaFileGivenThenTrustsThatCa() {
        TestIo io = new TestIo(dir.resolve("config"));
        assertThat(io.run("info", link(), "--ca-file", caFile.toString())).as(io.err()).isZero();
        assertThat(io.out()).contains("kind:       text");
    }

    @Test
    void infoWhenCaFileIsNoCertificateThenUsage() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate");
        TestIo io = new TestIo(dir.resolve("config"));
        assertThat(io.run("info", link(), "--ca-file", junk.toString())).isEqualTo(Exit.USAGE);
    }
}
