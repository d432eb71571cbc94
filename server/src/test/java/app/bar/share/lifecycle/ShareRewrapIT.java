package app.bar.share.lifecycle;

import static app.bar.share.ShareApi.aText;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.platform.cli.ContextCommand;
import app.bar.platform.secrets.KeyRingSpec;
import app.bar.share.ShareApi;
import app.bar.share.ShareIntegrationTest;
import app.bar.support.TestBackends;
import app.bar.support.TestHttp;
import app.bar.support.TestNodes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Master key rotation end to end (issue #4 item 3): shares sealed under the old key; a node with
 * the ring [new, old] runs {@code rewrap}; a node that knows only the new key opens them all,
 * password shares included. Afterwards the keys are moved back so other ITs keep their ring.
 */
@ShareIntegrationTest
class ShareRewrapIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void rewrapWhenMasterKeyRotatedThenEveryLiveShareOpensWithTheNewKeyAlone() throws Exception {
        ShareApi api = new ShareApi(new TestHttp(port));
        String oldRing = TestBackends.properties().get("bar.crypto.master-keys");
        String newEntry = KeyRingSpec.generateEntry("mk-rotated", KeyRingSpec.MASTER_KEY_BYTES);
        String newKid = newEntry.substring(0, newEntry.indexOf(':'));
        String plain = api.create(aText("rotate me")).id();
        String protectedShare = api.create(aText("rotate me too").with("password", "pw-rotate")).id();
        String file = api.createFile("r.bin", new byte[] {1, 2, 3}).id();
        try {
            assertThat(rewrap(newEntry + "," + oldRing)).isZero();
            assertThat(jdbc.sql("""
                    select count(*) from shares where (secrets_blob_id is not null or wrapped_key is not null)
                      and key_id <> :kid""")
                    .param("kid", newKid).query(Integer.class).single()).isZero();
            try (TestNodes.Node onlyNew = TestNodes.start(Map.of("bar.crypto.master-keys", newEntry,
                    "bar.scheduling.enabled", "false"))) {
                ShareApi rotated = new ShareApi(onlyNew.http());
                assertThat(rotated.read(plain)).isEqualTo("rotate me");
                String ticket = rotated.ticket(protectedShare, Map.of("password", "pw-rotate"));
                assertThat(new String(rotated.content(protectedShare, ticket).body(), StandardCharsets.UTF_8))
                        .isEqualTo("rotate me too");
                assertThat(rotated.content(file, rotated.ticket(file)).body()).containsExactly(1, 2, 3);
            }
        } finally {
            assertThat(rewrap(oldRing + "," + newEntry)).isZero(); // back to the ring the other ITs use
        }
    }

    private static int rewrap(String ring) {
        try (TestNodes.Node maintenance = TestNodes.start(Map.of("bar.crypto.master-keys", ring,
                "spring.main.web-application-type", "none", "bar.scheduling.enabled", "false"))) {
            return maintenance.context().getBean("rewrap", ContextCommand.class).run(new String[0]);
        }
    }
}
