package app.bar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShareLinkTests {

    private static final String KEY = "HyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4";

    @Test
    void parseWhenLinkWithKeyThenServerIdAndKey() {
        ShareLink link = ShareLink.parse("https://bar.example.com/s/AbC_-1#" + KEY);
        assertThat(link.server()).hasToString("https://bar.example.com");
        assertThat(link.id()).isEqualTo("AbC_-1");
        assertThat(link.key()).hasSize(32);
        assertThat(link.manageToken()).isNull();
        assertThat(link).hasToString("ShareLink[AbC_-1]");
    }

    @Test
    void parseWhenServerUnderAPathThenKeepsThePath() {
        assertThat(ShareLink.parse("https://example.com:8443/tools/bar/s/Id#" + KEY).server())
                .hasToString("https://example.com:8443/tools/bar");
    }

    @Test
    void parseWhenManageLinkThenManageTokenAndNoKey() {
        ShareLink link = ShareLink.parse("https://bar.example.com/s/Id#manage=bar_mt_abc");
        assertThat(link.manageToken()).isEqualTo("bar_mt_abc");
        assertThat(link.hasKey()).isFalse();
    }

    @Test
    void parseWhenBareIdThenNoServer() {
        assertThat(ShareLink.parse("AbCdEf").server()).isNull();
    }

    @Test
    void keyWhenDamagedThenUsageFailure() {
        assertThatThrownBy(() -> ShareLink.parse("https://bar.example.com/s/Id#" + KEY.substring(1)).key())
                .isInstanceOfSatisfying(CliFailure.class, f -> assertThat(f.exitCode()).isEqualTo(Exit.USAGE));
    }

    @Test
    void parseWhenNotAShareLinkThenUsageFailure() {
        assertThatThrownBy(() -> ShareLink.parse("ftp://bar.example.com/s/Id"))
                .isInstanceOfSatisfying(CliFailure.class, f -> assertThat(f.exitCode()).isEqualTo(Exit.USAGE));
        assertThatThrownBy(() -> ShareLink.parse("https://bar.example.com/other/Id"))
                .isInstanceOf(CliFailure.class);
    }
}
