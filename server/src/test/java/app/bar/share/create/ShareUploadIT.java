package app.bar.share.create;

import static app.bar.share.ShareApi.aFile;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareApi;
import app.bar.share.ShareFiles;
import app.bar.share.ShareIntegrationTest;
import app.bar.support.TestHttp;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Streamed upload, limits, sniffing and encryption at rest (issue #4 items 2–4). */
@ShareIntegrationTest
class ShareUploadIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    ShareApi api;

    @BeforeEach
    void setUp() {
        api = new ShareApi(new TestHttp(port), context);
    }

    @Test
    void uploadWhenFileThenSniffedTypeRecordedAndSameBytesComeBack() {
        byte[] png = ShareFiles.png(300_000);
        ShareApi.Created created = api.create(aFile("picture.bin"));
        HttpResponse<String> upload = api.upload(created.id(), created.manageToken(), png);
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(upload).get("contentType").asString()).isEqualTo("image/png");
        HttpResponse<byte[]> download = api.content(created.id(), api.ticket(created.id()));
        assertThat(download.body()).isEqualTo(png);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download.headers().firstValue("Content-Length")).hasValue("300000");
        ShareApi.assertDownloadHeaders(download);
    }

    @Test
    void uploadWhenStoredThenBlobNeverContainsPlaintext() {
        byte[] content = ShareFiles.withMarker(2_500_000, "PLAINTEXT-MARKER-4711", 1);
        ShareApi.Created created = api.createFile("m.bin", content, api.as("acct-enc"));
        byte[] blob = read(ShareFiles.blobOf(jdbc, created.id()));
        assertThat(blob.length).isGreaterThan(content.length);
        assertThat(ShareFiles.contains(blob, "PLAINTEXT-MARKER-4711".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(api.content(created.id(), api.ticket(created.id())).body()).isEqualTo(content);
    }

    @Test
    void uploadWhenOverLimitWhileStreamingThen413AndNothingKept() {
        // ASVS 5.2.1: the limit holds while streaming, not only on a declared length (chunked here)
        Set<Path> before = new HashSet<>(ShareFiles.allBlobs());
        ShareApi.Created created = api.create(aFile("big.bin"));
        byte[] twoMiB = new byte[2 * 1024 * 1024];
        HttpResponse<String> response = api.http().send(api.http().request("/api/shares/" + created.id() + "/content")
                .header("Authorization", "Bearer " + created.manageToken())
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(twoMiB))).build());
        ShareApi.assertProblem(response, 413, "request.body_too_large");
        assertThat(ShareFiles.allBlobs()).isSubsetOf(before); // no new blob (older ones may be removed meanwhile)
        assertThat(api.metadata(created.id()).statusCode()).isEqualTo(404);
        // the share still waits for a good upload
        assertThat(api.upload(created.id(), created.manageToken(), new byte[10]).statusCode()).isEqualTo(200);
    }

    @Test
    void uploadWhenDeclaredLengthOverLimitThen413BeforeReading() {
        ShareApi.Created created = api.create(aFile("big.bin"));
        ShareApi.assertProblem(api.upload(created.id(), created.manageToken(), new byte[1024 * 1024 + 1]), 413,
                "request.body_too_large");
    }

    @Test
    void uploadWhenSignedInThenLargerLimitApplies() {
        ShareApi.Created created = api.create(aFile("big.bin"), api.as("acct-big"));
        assertThat(api.upload(created.id(), created.manageToken(), new byte[3 * 1024 * 1024]).statusCode()).isEqualTo(200);
    }

    @Test
    void openWhenUploadNotCompletedThen404() {
        ShareApi.Created created = api.create(aFile("later.bin"));
        assertThat(api.metadata(created.id()).statusCode()).isEqualTo(404);
        assertThat(api.unlock(created.id(), Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void uploadWhenManageTokenMissingThen401ManageTokenRequired() {
        ShareApi.Created created = api.create(aFile("x.bin"));
        HttpResponse<String> response = api.http().send(api.http().request("/api/shares/" + created.id() + "/content")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[5])).build());
        ShareApi.assertProblem(response, 401, "share.manage_token_required");
    }

    @Test
    void uploadWhenManageTokenOfAnotherShareThen404() {
        ShareApi.Created mine = api.create(aFile("x.bin"));
        ShareApi.Created other = api.create(aFile("y.bin"));
        ShareApi.assertProblem(api.upload(mine.id(), other.manageToken(), new byte[5]), 404, "resource.not_found");
    }

    @Test
    void uploadWhenAlreadyUploadedThen409() {
        ShareApi.Created created = api.createFile("x.bin", new byte[5]);
        ShareApi.assertProblem(api.upload(created.id(), created.manageToken(), new byte[5]), 409, "share.content_exists");
    }

    @Test
    void uploadWhenTextShareThen409() {
        ShareApi.Created created = api.create(ShareApi.aText("t"));
        ShareApi.assertProblem(api.upload(created.id(), created.manageToken(), new byte[5]), 409, "share.content_exists");
    }

    @Test
    void downloadWhenHtmlUploadedThenAttachmentAsOctetStream() {
        // ASVS 3.2.1 / 5.4.2: never rendered inline on the app origin
        byte[] html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        ShareApi.Created created = api.createFile("page.html", html);
        HttpResponse<byte[]> download = api.content(created.id(), api.ticket(created.id()));
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        ShareApi.assertDownloadHeaders(download);
    }

    @Test
    void downloadWhenSvgUploadedThenAttachmentAsOctetStream() {
        byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        ShareApi.Created created = api.createFile("image.svg", svg);
        JsonNode unlocked = TestHttp.json(api.unlock(created.id(), Map.of()));
        assertThat(unlocked.get("contentType").asString()).isEqualTo("application/octet-stream");
        HttpResponse<byte[]> download = api.content(created.id(), unlocked.get("ticket").asString());
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    }

    @Test
    void downloadWhenFilenameHasTraversalThenOnlyLastSegmentInRfc6266Header() {
        // ASVS 5.3.2 / 5.4.1: the name is never a path; it appears only in Content-Disposition
        ShareApi.Created created = api.createFile("../../etc/passwd", "x".getBytes(StandardCharsets.US_ASCII));
        assertThat(ShareFiles.blobOf(jdbc, created.id()).getFileName().toString()).doesNotContain("passwd");
        String disposition = api.content(created.id(), api.ticket(created.id())).headers()
                .firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).isEqualTo("attachment; filename=\"passwd\"; filename*=UTF-8''passwd");
    }

    @Test
    void downloadWhenFilenameHasQuotesUnicodeAndControlsThenSanitisedAndEncoded() {
        ShareApi.Created created = api.createFile("Ré\"sumé\r\nX-Evil: 1;.pdf", "x".getBytes(StandardCharsets.US_ASCII));
        HttpResponse<byte[]> download = api.content(created.id(), api.ticket(created.id()));
        String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).isEqualTo(
                "attachment; filename=\"R__sum___X-Evil_ 1_.pdf\"; filename*=UTF-8''R%C3%A9_sum%C3%A9__X-Evil_%201_.pdf");
        assertThat(download.headers().firstValue("X-Evil")).isEmpty();
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
