package app.bar.share.open;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.crypto.ContentCipher;
import app.bar.crypto.DataKey;
import app.bar.crypto.Envelope;
import app.bar.crypto.SealedKey;
import app.bar.platform.secrets.OpaqueTokens;
import app.bar.share.ShareApi;
import app.bar.share.StoredSecrets;
import app.bar.share.ShareIntegrationTest;
import app.bar.share.core.InlineContent;
import app.bar.support.TestHttp;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How a text share's content is kept at rest: sealed in one piece, older stream-sealed texts still open. */
@ShareIntegrationTest
class InlineContentIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Envelope envelope;
    @Autowired
    ContentCipher cipher;
    ShareApi api;

    @BeforeEach
    void setUp() {
        api = new ShareApi(new TestHttp(port), context);
    }

    @Test
    void createTextWhenStoredThenSealedInOnePieceWithoutThePlaintext() {
        ShareApi.Created created = api.create(ShareApi.aText("inline secret 4711"));
        String stored = new StoredSecrets(context).row(created.id()).content().inline();
        assertThat(stored).startsWith(InlineContent.WHOLE).doesNotContain("4711");
        assertThat(new String(api.content(created.id(), api.ticket(created.id())).body(), StandardCharsets.UTF_8))
                .isEqualTo("inline secret 4711");
    }

    @Test
    void contentWhenTextWasSealedAsAStreamThenStillOpens() throws Exception {
        ShareApi.Created created = api.create(ShareApi.aText("same length as the old one!"));
        StoredSecrets secrets = new StoredSecrets(context);
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        try (DataKey key = envelope.open(created.id(), secrets.row(created.id()).keys().sealed(), null);
                OutputStream out = cipher.encrypting(key, streamed, created.id())) {
            out.write("sealed as a stream, old way".getBytes(StandardCharsets.UTF_8));
        }
        secrets.alterInline(created.id(), old -> OpaqueTokens.base64Url(streamed.toByteArray()));
        assertThat(new String(api.content(created.id(), api.ticket(created.id())).body(), StandardCharsets.UTF_8))
                .isEqualTo("sealed as a stream, old way");
    }

    @Test
    void contentWhenLastViewOfTextThenShreddedBeforeTheAnswerWithTheTicketAndTheView() {
        ShareApi.Created created = api.create(ShareApi.aText("gone with its read"));
        String ticket = api.ticket(created.id());

        assertThat(api.content(created.id(), ticket).statusCode()).isEqualTo(200);

        // one transaction took the view, redeemed the ticket and shredded the share (issue 12)
        assertThat(jdbc.sql("select state from shares where id = :id").param("id", created.id()).query(String.class)
                .single()).isEqualTo("DESTROYED");
        assertThat(jdbc.sql("select count(*) from share_tickets where share_id = :id").param("id", created.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void contentWhenTicketIsWrongThenNoViewIsTaken() {
        ShareApi.Created created = api.create(ShareApi.aText("still two views").with("maxViews", 2));
        api.ticket(created.id());

        assertThat(api.content(created.id(), OpaqueTokens.base64Url(new byte[32])).statusCode()).isEqualTo(401);

        assertThat(jdbc.sql("select views_used from shares where id = :id").param("id", created.id())
                .query(Integer.class).single()).isZero();
    }
}
