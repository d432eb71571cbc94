package app.bar.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The UI's routes over plain HTTP: which page each serves, with the strict headers; unknown pages stay 404. */
@BarIntegrationTest
class PageRoutesIT {

    @LocalServerPort
    int port;
    TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
    }

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("/", "Share a secret"),
                Arguments.of("/s/k3PZq8vW2mXa7RtY0cLbNg", "Open a secret"),
                Arguments.of("/login", "Sign in"),
                Arguments.of("/register", "Register"),
                Arguments.of("/verify", "Verify your email"),
                Arguments.of("/verify-email", "Verify your email"),
                Arguments.of("/reset", "Reset your password"),
                Arguments.of("/dashboard", "Dashboard"),
                Arguments.of("/settings", "Settings"),
                Arguments.of("/admin", "Administration"),
                Arguments.of("/help/https", "BAR needs HTTPS"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void pageWhenRequestedThenHtmlWithStrictHeadersAndNoCaching(String path, String title) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(response.body()).contains("<title>" + title).startsWith("<!doctype html>")
                .contains("<nav aria-label=\"Main\">", "<main id=\"main\"", "<footer>").endsWith("</html>\n")
                .doesNotContain("<!-- page");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void openPageWhenFetchedForALinkPreviewThenReassuresWithoutNamingTheShare() {
        // issue 13 item 17: the preview says what the link is and that opening costs a view; the
        // page is the same bytes for every id, so it can tell nothing about the share
        String page = http.get("/s/k3PZq8vW2mXa7RtY0cLbNg").body();
        assertThat(page).contains("<meta property=\"og:description\" content=\"Someone shared a secret with you. "
                + "Opening it uses a view.\">").contains("<meta property=\"og:title\" content=\"A secret for you — BAR\">");
        assertThat(http.get("/s/AAAAAAAAAAAAAAAAAAAAAA").body()).isEqualTo(page);
        assertThat(http.get("/").body()).doesNotContain("og:description");
    }

    @Test
    void brandingFilesWhenNoBrandConfiguredThenEmptyStylesheetAndNoLogo() {
        // issue 20 item 5: BAR's own look links neither; asked for anyway, they give nothing to show
        assertThat(http.get("/").body()).doesNotContain("/branding");
        HttpResponse<String> css = http.get("/branding.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).doesNotContain("--accent");
        HttpResponse<String> logo = http.get("/branding/logo");
        assertThat(logo.statusCode()).isEqualTo(404);
        assertThat(logo.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void pageWhenLanguageAskedThenNegotiatedWithVaryAndContentLanguage() {
        // issue 17: the page is rendered per language; the answer depends on Accept-Language and the picker's cookie
        HttpResponse<String> response = http.get("/", "Accept-Language", "xx-YY, en;q=0.5");
        assertThat(response.headers().firstValue("Content-Language")).hasValue("en");
        assertThat(response.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Accept-Language", "Cookie"));
        assertThat(response.body()).contains("<html lang=\"en\" dir=\"ltr\">", "<select id=\"language\"",
                "<option value=\"en\" lang=\"en\" selected>English</option>").doesNotContain("{{");
        assertThat(http.get("/", "Cookie", "bar_lang=../../x").headers().firstValue("Content-Language")).hasValue("en");
    }

    @Test
    void catalogueWhenRequestedThenPublicJsonWithEtagAndNoMail() {
        HttpResponse<String> response = http.get("/i18n/en.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(TestHttp.json(response).get("common.nav.sign_in").asString()).isEqualTo("Sign in");
        assertThat(response.body()).doesNotContain("\"mail.");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(http.get("/i18n/en.json", "If-None-Match", etag).statusCode()).isEqualTo(304);
        HttpResponse<String> unknown = http.get("/i18n/xx.json");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void robotsTxtWhenRequestedThenShareLinksAndApiDisallowed() {
        HttpResponse<String> response = http.get("/robots.txt");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(response.body().lines()).contains("User-agent: *", "Disallow: /s/", "Disallow: /api/");
    }

    @Test
    void faviconWhenRequestedByItsUsualNameThenAnIcon() throws Exception {
        HttpResponse<byte[]> ico = http.client().send(http.request("/favicon.ico").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/"));
        assertThat(ico.body()).startsWith((byte) 0, (byte) 0, (byte) 1, (byte) 0); // an ICO file's header: reserved 0, type 1 (icon)
        assertThat(http.get("/favicon.svg").statusCode()).isEqualTo(200);
        assertThat(http.get("/").body()).contains("<link rel=\"icon\" href=\"/favicon.ico\"");
    }

    @Test
    void unknownPageWhenRequestedThenProblem404() {
        HttpResponse<String> response = http.get("/no-such-page");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(http.get("/s/not%20an%20id").statusCode()).isEqualTo(404);
        assertThat(http.get("/s/").statusCode()).isEqualTo(404);
    }

    @Test
    void modulesWhenServedThenJavaScriptWithStrictHeaders() {
        for (String path : new String[] {"/js/bar-format.mjs", "/js/create.mjs", "/vendor/qrcode-generator/qrcode.mjs",
            "/vendor/client-zip/index.js"}) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/javascript"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        assertThat(http.get("/vendor/qrcode-generator/LICENSE").body()).contains("MIT License", "Kazuhiko Arase");
        assertThat(http.get("/vendor/client-zip/LICENSE.txt").body()).contains("Copyright 2020 David Junger", "Permission is hereby granted");
    }

    /**
     * The CSP has no 'unsafe-inline': a page with inline script, style or handlers would break, so
     * none has any (the pages and the layout they are put together with).
     */
    @Test
    void staticPagesWhenScannedThenNoInlineScriptStyleOrHandlers() throws IOException {
        Resource[] pages = new PathMatchingResourcePatternResolver().getResources("classpath:pages/*.html");
        assertThat(pages).hasSizeGreaterThanOrEqualTo(9);
        for (Resource page : pages) {
            String html = page.getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).as(page.getFilename())
                    .doesNotContain("<style", "style=", "javascript:")
                    .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
                    .doesNotContainPattern("\\son[a-z]+=");
        }
    }
}
