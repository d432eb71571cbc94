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
        ShareApi.Created created = api.create(aFile("big.bin"));
        Set<Path> before = new HashSet<>(ShareFiles.allBlobs()); // the share's secrets blob among them
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
    void uploadWhenViewOnlyAndTheFileIsAZipThen400NotPreviewableNamingViewOnlyAndNothingKept() {
        // issue 13 item 2: the recipient's only view must not be spent on "cannot be shown"
        ShareApi.Created created = api.create(aFile("archive.zip").with("viewOnly", true));
        Set<Path> before = new HashSet<>(ShareFiles.allBlobs()); // the share's secrets blob among them
        byte[] zip = new byte[2048];
        System.arraycopy(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0}, 0, zip, 0, 10);
        HttpResponse<String> response = api.upload(created.id(), created.manageToken(), zip);
        ShareApi.assertProblem(response, 400, "request.invalid");
        JsonNode error = TestHttp.json(response).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("viewOnly");
        assertThat(error.get("code").asString()).isEqualTo("share.not_previewable");
        assertThat(ShareFiles.allBlobs()).isSubsetOf(before);
        assertThat(api.metadata(created.id()).statusCode()).isEqualTo(404);
    }

    @Test
    void uploadWhenViewOnlyAndTheFileIsAnImageThenAccepted() {
        ShareApi.Created created = api.create(aFile("picture.png").with("viewOnly", true));
        assertThat(api.upload(created.id(), created.manageToken(), ShareFiles.png(2000)).statusCode()).isEqualTo(200);
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
    void uploadWhenAnEarlierAttemptIsStuckMidBodyThenTheManageTokenRestartsItAndTheNewBytesOpen() throws Exception {
        ShareApi.Created created = api.create(aFile("big.bin"));
        byte[] first = ShareFiles.withMarker(400_000, "FIRST-ATTEMPT", 1);
        byte[] second = ShareFiles.withMarker(300_000, "SECOND-ATTEMPT", 1);
        HeldUpload stuck = HeldUpload.start(port, created, first); // the client hangs mid-body
        awaitAttempt(created.id(), 1);
        HttpResponse<String> restart = api.upload(created.id(), created.manageToken(), second);
        assertThat(restart.statusCode()).isEqualTo(200);
        stuck.cut(); // the old connection dies after all: its abort must not undo the restart
        assertThat(stuck.answer()).isNotEqualTo(200);
        assertThat(api.content(created.id(), api.ticket(created.id())).body()).isEqualTo(second);
    }

    @Test
    void uploadWhenAnotherAttemptIsRunningAndNoManageTokenThen401AndTheRunningAttemptKeepsTheShare() throws Exception {
        ShareApi.Created created = api.create(aFile("x.bin"));
        byte[] content = ShareFiles.withMarker(200_000, "ONLY-ATTEMPT", 1);
        HeldUpload running = HeldUpload.start(port, created, content);
        awaitAttempt(created.id(), 1);
        HttpResponse<String> retry = api.http().send(api.http().request("/api/shares/" + created.id() + "/content")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[5])).build());
        ShareApi.assertProblem(retry, 401, "share.manage_token_required");
        ShareApi.Created other = api.create(aFile("y.bin"));
        ShareApi.assertProblem(api.upload(created.id(), other.manageToken(), new byte[5]), 404, "resource.not_found");
        assertThat(uploadAttempt(created.id())).isEqualTo(1);
        running.release();
        assertThat(running.answer()).isEqualTo(200);
        assertThat(api.content(created.id(), api.ticket(created.id())).body()).isEqualTo(content);
    }

    @Test
    void uploadWhenRestartedWhileTheOlderAttemptIsStillAliveThenTheOlderCannotCommit() throws Exception {
        ShareApi.Created created = api.create(aFile("race.bin"));
        byte[] older = ShareFiles.withMarker(400_000, "OLDER-ATTEMPT", 1);
        byte[] newer = ShareFiles.withMarker(300_000, "NEWER-ATTEMPT", 1);
        HeldUpload first = HeldUpload.start(port, created, older);
        awaitAttempt(created.id(), 1);
        HeldUpload second = HeldUpload.start(port, created, newer);
        awaitAttempt(created.id(), 2);
        first.release(); // the older attempt finishes its body while the newer one holds the share
        assertThat(first.answer()).isEqualTo(409);
        assertThat(first.body()).contains("share.content_exists");
        second.release();
        assertThat(second.answer()).isEqualTo(200);
        assertThat(api.content(created.id(), api.ticket(created.id())).body()).isEqualTo(newer);
    }

    private int uploadAttempt(String id) {
        return jdbc.sql("select upload_attempt from shares where id = :id").param("id", id).query(Integer.class).single();
    }

    private void awaitAttempt(String id, int attempt) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (uploadAttempt(id) < attempt) {
            assertThat(System.nanoTime()).as("upload attempt %d started", attempt).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** A PUT over a plain socket whose body stops half-way until the test releases or cuts it. */
    private static final class HeldUpload {
        private final java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        private volatile boolean cut;
        private java.util.concurrent.CompletableFuture<app.bar.support.ContinueUpload.Answer> answer;

        static HeldUpload start(int port, ShareApi.Created share, byte[] content) {
            HeldUpload held = new HeldUpload();
            java.io.InputStream body = new java.io.SequenceInputStream(new ByteArrayInputStream(content, 0, content.length / 2),
                    new java.io.InputStream() {
                        private ByteArrayInputStream rest;

                        @Override
                        public int read() throws java.io.IOException {
                            byte[] one = new byte[1];
                            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                        }

                        @Override
                        public int read(byte[] b, int off, int len) throws java.io.IOException {
                            if (rest == null) {
                                try {
                                    held.gate.await(); // bounded by the test's own answer() timeout
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    throw new java.io.InterruptedIOException();
                                }
                                if (held.cut) {
                                    throw new java.io.IOException("cut mid-body by the test");
                                }
                                rest = new ByteArrayInputStream(content, content.length / 2, content.length - content.length / 2);
                            }
                            return rest.read(b, off, len);
                        }
                    });
            held.answer = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return app.bar.support.ContinueUpload.put(port, "/api/shares/" + share.id() + "/content",
                            share.manageToken(), body, content.length);
                } catch (java.io.IOException e) {
                    return new app.bar.support.ContinueUpload.Answer(-1, null, e.getMessage(), true);
                }
            }, task -> { // a thread each: the common pool has one thread on two cores
                Thread thread = new Thread(task, "held-upload");
                thread.setDaemon(true);
                thread.start();
            });
            return held;
        }

        void release() {
            gate.countDown();
        }

        void cut() {
            cut = true;
            gate.countDown();
        }

        int answer() throws Exception {
            return answer.get(30, java.util.concurrent.TimeUnit.SECONDS).status();
        }

        String body() throws Exception {
            return answer.get(30, java.util.concurrent.TimeUnit.SECONDS).body();
        }
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
