package app.bar.share.create;

import java.io.IOException;
import java.util.Set;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;

/**
 * Content types of uploads: sniffed from the first bytes with Apache Tika's magic database (the
 * client's Content-Type and the filename are ignored), and what is served: the sniffed type
 * only when it is on a short allow-list of types browsers never run as a page, otherwise
 * {@code application/octet-stream} — never HTML, SVG, XML or script (ASVS 5.2.2, 3.2.1).
 */
public final class ContentTypes {

    public static final String OCTET_STREAM = "application/octet-stream";
    public static final String TEXT_UTF8 = "text/plain; charset=utf-8";
    /** Tika's magic patterns look at most this far into a file. */
    static final int SNIFF_BYTES = 64 * 1024;

    private static final Set<String> SERVABLE = Set.of(
            "text/plain", "application/pdf", "application/zip", "application/gzip", "application/x-gzip",
            "application/x-tar", "application/x-7z-compressed",
            "image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp",
            "audio/mpeg", "audio/ogg", "audio/wav", "audio/x-wav", "audio/flac", "video/mp4", "video/webm",
            "video/quicktime", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
            "application/msword", "application/vnd.ms-excel");
    private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();

    private ContentTypes() {
    }

    /** The type Tika sees in {@code prefix} (base type, no parameters). */
    static String sniff(byte[] prefix, int length) {
        byte[] bytes = length == prefix.length ? prefix : java.util.Arrays.copyOf(prefix, length);
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            MediaType type = TIKA.detect(in, new Metadata(), new ParseContext());
            return type.getBaseType().toString();
        } catch (IOException | RuntimeException e) {
            return OCTET_STREAM;
        }
    }

    /** The types the open page can show in view-only mode (docs/web-ui.md); keep in step with open.mjs. */
    private static final Set<String> PREVIEWABLE = Set.of("text/plain", "application/pdf", "image/png", "image/jpeg",
            "image/gif", "image/webp");

    /** Whether a view-only share of content sniffed as {@code sniffed} can be shown in the browser. */
    static boolean previewable(String sniffed) {
        return PREVIEWABLE.contains(sniffed);
    }

    /** What a download of content sniffed as {@code sniffed} is served as. */
    public static String served(String sniffed) {
        return SERVABLE.contains(sniffed) ? sniffed : OCTET_STREAM;
    }
}
