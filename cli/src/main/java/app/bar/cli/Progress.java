package app.bar.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line on stderr — only when stderr is a terminal and {@code --quiet} is off, so logs
 * of a pipeline stay clean. Redrawn at most five times a second.
 */
final class Progress implements AutoCloseable {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 24;

    private final PrintStream err;
    private final String label;
    private final long total;
    private final long started = System.nanoTime();
    private long done;
    private long lastDraw;
    private boolean drawn;

    private Progress(PrintStream err, String label, long total) {
        this.err = err;
        this.label = label;
        this.total = total;
    }

    /** A progress line, or one that draws nothing when nobody watches. */
    static Progress start(Io io, boolean quiet, String label, long total) {
        return new Progress(quiet || !io.terminal().stderr() ? null : io.err(), label, total);
    }

    boolean visible() {
        return err != null;
    }

    InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    add(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    add(n);
                }
                return n;
            }
        };
    }

    void add(long bytes) {
        done += bytes;
        long now = System.nanoTime();
        if (err != null && now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw(now);
        }
    }

    private void draw(long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        String rate = bytes((long) (done / seconds)) + "/s";
        String line;
        if (total > 0) {
            double fraction = Math.min(1.0, (double) done / total);
            int filled = (int) Math.round(fraction * WIDTH);
            line = String.format(Locale.ROOT, "%s [%s%s] %3d%% %s of %s, %s", label, "#".repeat(filled),
                    ".".repeat(WIDTH - filled), Math.round(fraction * 100), bytes(done), bytes(total), rate);
        } else {
            line = String.format(Locale.ROOT, "%s %s, %s", label, bytes(done), rate);
        }
        err.print("\r" + line + "\u001b[K");
        err.flush();
        drawn = true;
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = n;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    @Override
    public void close() {
        if (err != null && drawn) {
            draw(System.nanoTime());
            err.println();
        }
    }
}
