package app.bar.share.create;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClamdScannerTests {

    @Test
    void startWhenNothingListensThenUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ClamdScanner scanner = new ClamdScanner("tcp://127.0.0.1:" + port, Duration.ofSeconds(1));
        assertThatThrownBy(scanner::start).isInstanceOf(VirusScanner.ScannerUnavailableException.class);
    }

    @Test
    void constructorWhenSchemeUnknownThenRejected() {
        assertThatThrownBy(() -> new ClamdScanner("http://127.0.0.1:3310", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
