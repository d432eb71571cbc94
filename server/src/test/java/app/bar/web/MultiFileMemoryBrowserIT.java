package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static app.bar.web.SharePages.click;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.RequiresTool;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * A 1 GiB share of four files (issue 18 item 1: "a 2 GB share needs no 2 GB of memory"): made in
 * one browser context, opened in another and saved as a zip, which the page streams to disk through
 * the save worker. While the recipient's page decrypts and saves, the test samples Chromium's JS
 * heap (CDP Performance.getMetrics) and the resident memory of the browser's processes (their ids
 * from CDP SystemInfo.getProcessInfo, their VmRSS from /proc), prints the figures (docs/shares.md
 * quotes them) and holds them well under the share's size: the JS heap to 64 MiB, a renderer to
 * half the share, and what saving adds to the renderer's peak to 128 MiB. The browser process's
 * RSS is printed, not bounded: these contexts are off the record, where Chromium keeps blob
 * storage (the decrypted share) in memory instead of paging it to disk. The zip is compared with
 * the files byte for byte, a megabyte at a time. It needs about 3 GiB of disk and a few minutes, so
 * it runs in the embedded pass only (the external pass changes nothing the browser does).
 */
@RequiresTool(CHROMIUM)
@BarIntegrationTest
@DisabledIfSystemProperty(named = "bar.it.backend", matches = "external")
@EnabledIfSystemProperty(named = "bar.test.memory", matches = "true")
@TestPropertySource(properties = "bar.shares.anonymous-max-file-size=2GB")
class MultiFileMemoryBrowserIT {

    private static final int FILES = 4;
    private static final int FILE_BYTES = 256 << 20;
    private static final long SHARE_BYTES = (long) FILES * FILE_BYTES;
    /** Chromium's JS heap: the page keeps no share bytes in script (measured: some 3 MiB). */
    private static final long HEAP_BOUND = 64L << 20;
    /** A renderer, decryption's garbage included (measured: some 330 MiB opening, 360 MiB saving). */
    private static final long RSS_BOUND = SHARE_BYTES / 2;
    /** What saving adds to the renderer's peak (measured: some 26 MiB; a zip through a Blob or a copying stream: 190 MiB and more). */
    private static final long SAVE_RSS_BOUND = 128L << 20;
    private static final int CHUNK = 1 << 20;
    private static final double MIB = 1 << 20;
    private static final long LONG_WAIT_MS = 10 * 60 * 1000L;

    @RegisterExtension
    static final BrowserSessions chromium = BrowserSessions.onLocalServer();

    private Path folder;

    @BeforeEach
    void folder() throws IOException {
        folder = Files.createTempDirectory("bar-big-");
    }

    @AfterEach
    void removeFolder() throws IOException {
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void oneGibShareOfFourFilesWhenSavedAsAZipThenStreamedToDiskWithBoundedMemoryAndByteForByte() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= FILES; i++) {
            files.add(generate(folder.resolve("part-" + i + ".bin"), FILE_BYTES, i));
        }

        long started = System.nanoTime();
        Chromium.Session sender = chromium.person();
        Page create = sender.open("/");
        create.locator("label[for=kind-file]").click();
        create.setInputFiles("#secret-file", files.toArray(Path[]::new));
        create.locator("#file-list li").nth(FILES - 1).waitFor();
        click(create, "Create secret link");
        create.locator("#result-title").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(LONG_WAIT_MS));
        String link = create.inputValue("#share-link");
        sender.assertNoConsoleProblems();
        sender.close(); // its browser memory is the sender's, not the recipient's
        double created = seconds(started);

        Chromium.Session recipient = chromium.person();
        Page open = recipient.open(link);
        CDPSession page = open.context().newCDPSession(open);
        page.send("Performance.enable");
        CDPSession browser = open.context().browser().newBrowserCDPSession();
        Peaks opening = new Peaks();
        Peaks saving = new Peaks();
        open.locator("#unlock-title").waitFor();

        started = System.nanoTime();
        click(open, "Open");
        while (open.isHidden("#files-view") && open.isHidden("#problem")) {
            opening.sample(page, browser);
            open.waitForTimeout(250);
            assertThat(seconds(started)).as("opened within 10 minutes").isLessThan(LONG_WAIT_MS / 1000.0);
        }
        assertThat(open.isVisible("#files-view")).as("the files are shown").isTrue();
        double opened = seconds(started);

        started = System.nanoTime();
        Download zip = open.waitForDownload(new Page.WaitForDownloadOptions().setTimeout(60_000),
                () -> click(open, "Save all (.zip)"));
        while (!open.isVisible("#files-notice .message.ok") && !open.isVisible("#files-notice .message.error")) {
            saving.sample(page, browser);
            open.waitForTimeout(250);
            assertThat(seconds(started)).as("saved within 10 minutes").isLessThan(LONG_WAIT_MS / 1000.0);
        }
        Path saved = zip.path(); // waits for the browser to finish writing it
        saving.sample(page, browser);
        double savedIn = seconds(started);
        assertThat(zip.failure()).as("the download completed").isNull();
        assertThat(zip.suggestedFilename()).isEqualTo("secret-files.zip");

        System.out.printf("MultiFileMemoryBrowserIT: share of %d files, %.0f MiB in all%n", FILES, SHARE_BYTES / MIB);
        System.out.printf("MultiFileMemoryBrowserIT: created and uploaded in %.1f s; downloaded and decrypted in %.1f s; zip saved in %.1f s%n",
                created, opened, savedIn);
        System.out.printf("MultiFileMemoryBrowserIT: while opening: %s%n", opening);
        System.out.printf("MultiFileMemoryBrowserIT: while saving:  %s%n", saving);

        assertThat(Files.size(saved)).as("the zip holds the share").isGreaterThan(SHARE_BYTES);
        assertSameFiles(saved, files);
        zip.delete();

        assertThat(saving.jsHeap).as("JS heap while saving").isPositive().isLessThan(HEAP_BOUND);
        assertThat(opening.jsHeap).as("JS heap while opening").isPositive().isLessThan(HEAP_BOUND);
        assertThat(saving.rendererRss).as("largest renderer's RSS while saving").isPositive().isLessThan(RSS_BOUND);
        assertThat(opening.rendererRss).as("largest renderer's RSS while opening").isPositive().isLessThan(RSS_BOUND);
        assertThat(saving.rendererRss - opening.rendererRss).as("what saving adds to the renderer's RSS").isLessThan(SAVE_RSS_BOUND);
        recipient.assertNoConsoleProblems();
    }

    /** {@code size} bytes of a seeded random stream, written a megabyte at a time. */
    private static Path generate(Path file, int size, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] chunk = new byte[CHUNK];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int done = 0; done < size; done += CHUNK) {
                random.nextBytes(chunk);
                out.write(chunk, 0, Math.min(CHUNK, size - done));
            }
        }
        return file;
    }

    /** The zip holds exactly the files, stored, in order, each the same bytes (compared a megabyte at a time). */
    private static void assertSameFiles(Path zip, List<Path> files) throws IOException {
        try (ZipFile in = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(in.entries());
            assertThat(entries).extracting(ZipEntry::getName)
                    .containsExactlyElementsOf(files.stream().map(f -> f.getFileName().toString()).toList());
            for (int i = 0; i < files.size(); i++) {
                ZipEntry entry = entries.get(i);
                assertThat(entry.getMethod()).as("stored").isEqualTo(ZipEntry.STORED);
                assertThat(entry.getSize()).as(entry.getName()).isEqualTo(Files.size(files.get(i)));
                try (InputStream actual = in.getInputStream(entry); InputStream expected = Files.newInputStream(files.get(i))) {
                    byte[] a = new byte[CHUNK];
                    byte[] e = new byte[CHUNK];
                    for (long offset = 0; ; offset += CHUNK) {
                        int n = expected.readNBytes(e, 0, CHUNK);
                        int m = actual.readNBytes(a, 0, CHUNK);
                        assertThat(m).as("%s bytes at %d", entry.getName(), offset).isEqualTo(n);
                        if (!Arrays.equals(a, 0, m, e, 0, n)) {
                            throw new AssertionError(entry.getName() + " differs in the megabyte at " + offset);
                        }
                        if (n < CHUNK) {
                            break;
                        }
                    }
                }
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** The highest figures sampled: the page's JS heap, the largest renderer's RSS, the browser process's RSS. */
    private static final class Peaks {
        long jsHeap;
        long rendererRss;
        long browserRss;
        int samples;

        void sample(CDPSession page, CDPSession browser) {
            samples++;
            JsonObject metrics = page.send("Performance.getMetrics");
            for (JsonElement m : metrics.getAsJsonArray("metrics")) {
                if (m.getAsJsonObject().get("name").getAsString().equals("JSHeapUsedSize")) {
                    jsHeap = Math.max(jsHeap, m.getAsJsonObject().get("value").getAsLong());
                }
            }
            JsonArray processes = browser.send("SystemInfo.getProcessInfo").getAsJsonArray("processInfo");
            for (JsonElement p : processes) {
                String type = p.getAsJsonObject().get("type").getAsString();
                long rss = rss(p.getAsJsonObject().get("id").getAsLong());
                if (type.equals("renderer")) {
                    rendererRss = Math.max(rendererRss, rss);
                } else if (type.equals("browser")) {
                    browserRss = Math.max(browserRss, rss);
                }
            }
        }

        /** VmRSS of process {@code pid} in bytes; 0 once it is gone. */
        private static long rss(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return 0;
            }
            return 0;
        }

        @Override
        public String toString() {
            return String.format("JS heap peak %.1f MiB, largest renderer RSS peak %.1f MiB, browser process RSS peak %.1f MiB (%d samples)",
                    jsHeap / MIB, rendererRss / MIB, browserRss / MIB, samples);
        }
    }
}
