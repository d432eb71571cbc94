package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static app.bar.web.SharePages.click;
import static app.bar.web.SharePages.saved;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.RequiresTool;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several files and a folder in one zero-knowledge share (issue 18 item 1, the manifest of
 * docs/zero-knowledge-format.md): made in one browser context, opened in another, every file saved
 * alone and all of them as a zip, compared byte for byte; a manifest that breaks a rule is refused
 * before anything is shown or saved.
 */
@RequiresTool(CHROMIUM)
@BarIntegrationTest
class MultiFileShareBrowserIT {

    @RegisterExtension
    static final BrowserSessions chromium = BrowserSessions.onLocalServer();

    private Path folder;

    @BeforeEach
    void folder() throws IOException {
        folder = Files.createTempDirectory("bar-folder-");
    }

    @AfterEach
    void removeFolder() throws IOException {
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void threeFilesAndAFolderWhenSharedThenEachSavedAloneAndAllAsAZipByteForByte() throws Exception {
        Map<String, byte[]> expected = new LinkedHashMap<>();
        expected.put("report.pdf", random(1536 * 1024 + 17, 1)); // spans segment boundaries
        expected.put("notes.txt", "meet at noon, bring the key\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        expected.put("empty.bin", new byte[0]);
        Path photos = Files.createDirectories(folder.resolve("photos").resolve("2024"));
        byte[] nested = random(300_001, 2);
        Files.write(photos.resolve("beach.png"), nested);
        expected.put("photos/2024/beach.png", nested);

        Chromium.Session sender = chromium.person();
        Page create = sender.open("/");
        create.locator("label[for=kind-file]").click();
        create.setInputFiles("#secret-file", expected.entrySet().stream().limit(3)
                .map(e -> new FilePayload(e.getKey(), "application/octet-stream", e.getValue())).toArray(FilePayload[]::new));
        create.setInputFiles("#secret-folder", folder.resolve("photos"));
        create.locator("#file-list li").nth(3).waitFor();
        assertThat(create.locator("#file-list li .path").allTextContents())
                .containsExactly("report.pdf", "notes.txt", "empty.bin", "photos/2024/beach.png");
        assertThat(create.textContent("#file-chosen")).startsWith("4 files, ").endsWith(" in all");
        click(create, "Create secret link");
        create.locator("#result-title").waitFor();
        String link = create.inputValue("#share-link");

        Chromium.Session recipient = chromium.person();
        Page open = recipient.open(link);
        open.locator("#unlock-title").waitFor();
        click(open, "Open");
        open.locator("#files-view:not([hidden])").waitFor();
        assertThat(open.locator("#files-body td.file-name").allTextContents()).containsExactlyElementsOf(expected.keySet());
        assertThat(open.textContent("#content-title")).isEqualTo("The secret files");

        for (Map.Entry<String, byte[]> e : expected.entrySet()) {
            Download download = open.waitForDownload(() -> open.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Save " + e.getKey()).setExact(true)).click());
            assertThat(download.suggestedFilename()).isEqualTo(e.getKey().substring(e.getKey().lastIndexOf('/') + 1));
            assertThat(saved(download)).as(e.getKey()).isEqualTo(e.getValue());
        }

        Download zip = open.waitForDownload(() -> click(open, "Save all (.zip)"));
        assertThat(zip.suggestedFilename()).isEqualTo("secret-files.zip");
        Map<String, byte[]> unzipped = new LinkedHashMap<>();
        List<Integer> methods = new ArrayList<>();
        Path zipFile = Files.createTempFile("bar-download-", ".zip");
        zip.saveAs(zipFile);
        // ZipFile reads the central directory: a streamed zip gives stored entries' sizes after their data
        try (ZipFile in = new ZipFile(zipFile.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                methods.add(entry.getMethod());
                try (var data = in.getInputStream(entry)) {
                    unzipped.put(entry.getName(), data.readAllBytes());
                }
            }
        } finally {
            Files.deleteIfExists(zipFile);
        }
        assertThat(unzipped.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((path, bytes) -> assertThat(unzipped.get(path)).as(path).isEqualTo(bytes));
        assertThat(methods).as("stored, not compressed").containsOnly(ZipEntry.STORED);

        sender.assertNoConsoleProblems();
        recipient.assertNoConsoleProblems();
    }

    /**
     * Files dropped on the drop zone (a DataTransfer made in the page and dispatched as the drag
     * events a person's drop gives) are listed and shared like picked ones: the share opens in
     * another browser context with the same bytes.
     */
    @Test
    void severalFilesWhenDroppedThenListedAndSharedByteForByte() throws Exception {
        Map<String, byte[]> expected = new LinkedHashMap<>();
        expected.put("dump.sql", random(700_003, 3));
        expected.put("readme.txt", "dropped, not picked\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        expected.put("key.pem", random(4096, 4));

        Chromium.Session sender = chromium.person();
        Page create = sender.open("/?mode=files");
        create.locator("#dropzone").waitFor();
        Map<String, String> encoded = new LinkedHashMap<>();
        expected.forEach((name, bytes) -> encoded.put(name, java.util.Base64.getEncoder().encodeToString(bytes)));
        create.evaluate("""
                (files) => {
                  const dt = new DataTransfer();
                  for (const [name, b64] of Object.entries(files)) {
                    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
                    dt.items.add(new File([bytes], name, { type: 'application/octet-stream' }));
                  }
                  const zone = document.querySelector('#dropzone');
                  for (const type of ['dragenter', 'dragover', 'drop']) {
                    zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
                  }
                }""", encoded);
        create.locator("#file-list li").nth(2).waitFor();
        assertThat(create.locator("#file-list li .path").allTextContents()).containsExactlyElementsOf(expected.keySet());
        assertThat(create.textContent("#file-chosen")).startsWith("3 files, ");
        click(create, "Create secret link");
        create.locator("#result-title").waitFor();
        String link = create.inputValue("#share-link");

        Chromium.Session recipient = chromium.person();
        Page open = recipient.open(link);
        open.locator("#unlock-title").waitFor();
        click(open, "Open");
        open.locator("#files-view:not([hidden])").waitFor();
        assertThat(open.locator("#files-body td.file-name").allTextContents()).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<String, byte[]> e : expected.entrySet()) {
            Download download = open.waitForDownload(() -> open.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Save " + e.getKey()).setExact(true)).click());
            assertThat(saved(download)).as(e.getKey()).isEqualTo(e.getValue());
        }
        sender.assertNoConsoleProblems();
        recipient.assertNoConsoleProblems();
    }

    @Test
    void manifestWithATraversalPathWhenOpenedThenRefusedAsDamagedAndNothingSaved() {
        Chromium.Session sender = chromium.person();
        Page create = sender.open("/");
        create.locator("#create-title:not(:empty)").waitFor();
        // a container a modified client could make: valid encryption, a manifest that breaks the rules
        String link = (String) create.evaluate("""
                async () => {
                  const bar = await import('/js/bar-format.mjs');
                  const api = await import('/js/api.mjs');
                  const linkKey = bar.newLinkKey();
                  const keys = await bar.deriveKeys(linkKey, null);
                  const content = new TextEncoder().encode('evil!safe.');
                  const manifest = { files: [{ path: '../evil.txt', size: 5 }, { path: 'safe.txt', size: 5 }], size: 10 };
                  const container = await bar.sealToBytes(bar.framedPlaintext(manifest, content), keys.contentKey, false);
                  const created = await api.requestJson('/api/shares', { method: 'POST',
                    json: { zeroKnowledge: true, kind: 'file', expiresIn: 3600, maxViews: 1, linkVerifier: keys.linkVerifier } });
                  const headers = { Authorization: 'Bearer ' + created.manageToken, 'Content-Type': 'application/octet-stream' };
                  if (api.csrfToken()) { headers['X-CSRF-Token'] = api.csrfToken(); }
                  const put = await fetch('/api/shares/' + created.id + '/content', { method: 'PUT', headers, body: container });
                  if (put.status !== 200) { throw new Error('upload ' + put.status); }
                  return location.origin + '/s/' + created.id + '#' + bar.b64urlEncode(linkKey);
                }""");

        Chromium.Session recipient = chromium.person();
        Page open = recipient.open(link);
        AtomicInteger downloads = new AtomicInteger();
        open.onDownload(d -> downloads.incrementAndGet());
        open.locator("#unlock-title").waitFor();
        click(open, "Open");
        open.locator("#problem:not([hidden])").waitFor();
        assertThat(open.textContent("#problem-notice")).contains("could not be decrypted");
        assertThat(open.isHidden("#content")).isTrue();
        assertThat(open.locator("#files-body tr").count()).isZero();
        assertThat(downloads.get()).isZero();
        recipient.assertNoConsoleProblems();
    }
}
