package app.bar.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ASVS 3.4.2 (issue #21 item 4): CORS origins compared canonical, answered in the allow-list's spelling. */
class AllowedOriginsTests {

    private final AllowedOrigins allowed = AllowedOrigins.of(List.of("HTTPS://App.Example.test:443/", "http://localhost:8081"));

    @Test
    void ofWhenEntriesSpelledLooselyThenCanonicalAtStartUp() {
        assertThat(allowed.getAllowedOrigins()).containsExactly("https://app.example.test", "http://localhost:8081");
    }

    @Test
    void checkOriginWhenNonCanonicalSpellingOfAnAllowedOriginThenAnswersTheConfiguredSpelling() {
        for (String spelling : List.of("https://app.example.test", "https://app.example.test/", "HTTPS://APP.EXAMPLE.TEST",
                "https://App.Example.Test:443", " https://app.example.test ")) {
            assertThat(allowed.checkOrigin(spelling)).as(spelling).isEqualTo("https://app.example.test");
        }
    }

    @Test
    void checkOriginWhenOtherPortSchemeHostOrPathThenRefused() {
        for (String origin : List.of("https://app.example.test:8443", "http://app.example.test", "https://app.example.test.evil",
                "https://evil.example.test", "https://app.example.test/path", "https://user@app.example.test", "null", "*",
                "https://app.example.test?x=1", "")) {
            assertThat(allowed.checkOrigin(origin)).as(origin).isNull();
        }
    }

    @Test
    void checkOriginWhenNonDefaultPortGivenAsIsThenMatchesOnlyThatPort() {
        assertThat(allowed.checkOrigin("HTTP://LOCALHOST:8081/")).isEqualTo("http://localhost:8081");
        assertThat(allowed.checkOrigin("http://localhost")).isNull();
    }

    @Test
    void ofWhenWildcardOrPathEntryThenLeftOut() {
        assertThat(AllowedOrigins.of(List.of("*", "https://a.example.test/app", "https://b.example.test")).getAllowedOrigins())
                .containsExactly("https://b.example.test");
    }
}
