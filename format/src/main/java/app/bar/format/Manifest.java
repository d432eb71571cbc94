package app.bar.format;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manifest of a share that carries several files (docs/zero-knowledge-format.md, "Plaintext
 * framing"): the metadata frame {@code {"files": [{"path", "type", "size"}, …], "size": total}},
 * followed in the plaintext by the files' bytes concatenated in the manifest's order.
 *
 * <p>The reference reader and writer: {@link #parse} checks every rule of the format and refuses
 * a manifest that breaks one with a {@link ManifestException} (a reader then writes nothing);
 * {@link #of} checks the same rules before anything is encrypted; {@link #readContent} splits the
 * content into the files and refuses content longer or shorter than the manifest says.
 */
public final class Manifest {

    public static final String OCTET_STREAM = "application/octet-stream";
    public static final int MAX_FILES = 1000;
    /** The metadata frame's limit (the whole manifest's UTF-8 JSON). */
    public static final int MAX_METADATA_BYTES = 64 * 1024;
    public static final int MAX_SEGMENT_BYTES = 255;
    public static final int MAX_PATH_BYTES = 1024;
    public static final int MAX_TYPE_BYTES = 255;
    /** 2^53 - 1: the largest size a JavaScript reader can hold exactly. */
    public static final long MAX_SIZE = (1L << 53) - 1;

    // a duplicated key would let two readers see two different manifests: refused
    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final List<FileEntry> files;
    private final long size;

    private Manifest(List<FileEntry> files, long size) {
        this.files = Collections.unmodifiableList(files);
        this.size = size;
    }

    /** A manifest for these files (in this order), checked against every rule and the 64 KiB frame. */
    public static Manifest of(List<FileEntry> files) throws ManifestException {
        if (files.isEmpty() || files.size() > MAX_FILES) {
            throw new ManifestException("a share carries 1 to " + MAX_FILES + " files, not " + files.size());
        }
        long total = 0;
        for (int i = 0; i < files.size(); i++) {
            FileEntry entry = files.get(i);
            checkPath(entry.path(), i + 1);
            checkType(entry.type(), i + 1);
            checkSize(entry.size(), "file " + (i + 1) + ": the size");
            total += entry.size();
            if (total > MAX_SIZE) {
                throw new ManifestException("the files together are larger than " + MAX_SIZE + " bytes");
            }
        }
        checkDistinct(files);
        Manifest manifest = new Manifest(new ArrayList<>(files), total);
        int bytes = manifest.toJson().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_METADATA_BYTES) {
            throw new ManifestException("the list of " + files.size() + " files and their paths takes " + bytes
                    + " bytes, more than the " + MAX_METADATA_BYTES + " a share's metadata may hold: send fewer files"
                    + " (or shorter paths) per share");
        }
        return manifest;
    }

    /** Whether this metadata frame declares several files (it has a "files" field); false for a single file or a text. */
    public static boolean isManifest(String metadataJson) {
        try {
            JsonNode node = JSON.readTree(metadataJson);
            return node != null && node.isObject() && node.has("files");
        } catch (JacksonException e) {
            return false;
        }
    }

    /** Reads and checks a manifest; any rule broken throws {@link ManifestException}. Unknown fields are ignored. */
    public static Manifest parse(String metadataJson) throws ManifestException {
        if (metadataJson.getBytes(StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
            throw new ManifestException("the manifest is larger than " + MAX_METADATA_BYTES + " bytes");
        }
        JsonNode node;
        try {
            node = JSON.readTree(metadataJson);
        } catch (JacksonException e) {
            throw new ManifestException("the manifest is not JSON (or repeats a field)", e);
        }
        if (node == null || !node.isObject()) {
            throw new ManifestException("the manifest is not a JSON object");
        }
        JsonNode list = node.get("files");
        if (list == null || !list.isArray()) {
            throw new ManifestException("the manifest has no list of files");
        }
        List<FileEntry> files = new ArrayList<>(Math.min(list.size(), MAX_FILES));
        if (list.isEmpty() || list.size() > MAX_FILES) {
            throw new ManifestException("a share carries 1 to " + MAX_FILES + " files, the manifest lists " + list.size());
        }
        long total = 0;
        for (int i = 0; i < list.size(); i++) {
            int number = i + 1;
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                throw new ManifestException("file " + number + " is not a JSON object");
            }
            JsonNode path = entry.get("path");
            if (path == null || !path.isString()) {
                throw new ManifestException("file " + number + " has no path");
            }
            JsonNode type = entry.get("type");
            if (type != null && !type.isNull() && !type.isString()) {
                throw new ManifestException("file " + number + ": the type is not a string");
            }
            long size = integer(entry.get("size"), "file " + number + ": the size");
            checkPath(path.asString(), number);
            String mime = type == null || type.isNull() ? OCTET_STREAM : type.asString();
            checkType(mime, number);
            total += size;
            if (total > MAX_SIZE) {
                throw new ManifestException("the files' sizes add up to more than " + MAX_SIZE + " bytes");
            }
            files.add(new FileEntry(path.asString(), mime, size));
        }
        long declared = integer(node.get("size"), "the manifest's size");
        if (declared != total) {
            throw new ManifestException("the files' sizes add up to " + total + " bytes, the manifest says " + declared);
        }
        checkDistinct(files);
        return new Manifest(files, total);
    }

    /** The files, in the order their bytes follow each other in the content. */
    public List<FileEntry> files() {
        return files;
    }

    /** The content's length: the sum of the files' sizes. */
    public long size() {
        return size;
    }

    /** The metadata frame's JSON: {@code {"files":[{"path","type","size"},…],"size":total}}. */
    public String toJson() {
        List<Map<String, Object>> entries = new ArrayList<>(files.size());
        for (FileEntry file : files) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", file.path());
            entry.put("type", file.type());
            entry.put("size", file.size());
            entries.add(entry);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("files", entries);
        metadata.put("size", size);
        return JSON.writeValueAsString(metadata);
    }

    /** Receives each file's bytes in turn. */
    @FunctionalInterface
    public interface ContentSink {
        /** {@code content} gives exactly {@code entry.size()} bytes; what the sink leaves unread is skipped. */
        void accept(FileEntry entry, InputStream content) throws IOException;
    }

    /**
     * Splits {@code content} (the plaintext after the metadata frame) into the files and hands each
     * to {@code sink}; refuses content that ends before the manifest's size or goes on after it.
     * The end is checked by reading one more byte, which makes a container stream authenticate its
     * last segment: only after this returns is every file's content known to be whole.
     */
    public void readContent(InputStream content, ContentSink sink) throws IOException {
        for (FileEntry entry : files) {
            Part part = new Part(content, entry.size());
            sink.accept(entry, part);
            part.skipRest();
        }
        if (content.read() >= 0) {
            throw new ManifestException("the content is longer than the manifest's size of " + size + " bytes");
        }
    }

    /** Checks one path against the rules (relative, "/"-separated, NFC, no "." or "..", …); {@code number} names the entry. */
    public static void checkPath(String path, int number) throws ManifestException {
        String file = "file " + number + ": the path ";
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(path)) {
            throw new ManifestException(file + "is not valid Unicode");
        }
        if (path.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            throw new ManifestException(file + "is longer than " + MAX_PATH_BYTES + " bytes");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new ManifestException(file + "has a control character");
            }
            if (c == '\\' || c == ':') {
                throw new ManifestException(file + "has a \"" + c + "\"");
            }
        }
        if (!Normalizer.isNormalized(path, Normalizer.Form.NFC)) {
            throw new ManifestException(file + "is not in Unicode NFC");
        }
        if (path.startsWith("/")) {
            throw new ManifestException(file + "starts with \"/\": paths are relative");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                throw new ManifestException(file + "has an empty segment");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw new ManifestException(file + "has a \"" + segment + "\" segment");
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                throw new ManifestException(file + "has a segment longer than " + MAX_SEGMENT_BYTES + " bytes");
            }
        }
    }

    private static void checkType(String type, int number) throws ManifestException {
        if (type.getBytes(StandardCharsets.UTF_8).length > MAX_TYPE_BYTES) {
            throw new ManifestException("file " + number + ": the type is longer than " + MAX_TYPE_BYTES + " bytes");
        }
    }

    private static void checkSize(long size, String what) throws ManifestException {
        if (size < 0 || size > MAX_SIZE) {
            throw new ManifestException(what + " is not an integer from 0 to " + MAX_SIZE);
        }
    }

    /** A JSON integer 0 … 2^53-1; 70.0 is 70, as in JavaScript, which cannot tell them apart. */
    private static long integer(JsonNode node, String what) throws ManifestException {
        if (node == null || !node.isNumber()) {
            throw new ManifestException(what + " is missing or not a number");
        }
        BigInteger value;
        if (node.isIntegralNumber()) {
            value = node.bigIntegerValue();
        } else {
            BigDecimal decimal = node.decimalValue();
            if (decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0) {
                throw new ManifestException(what + " is not an integer from 0 to " + MAX_SIZE);
            }
            value = decimal.toBigInteger();
        }
        if (value.signum() < 0 || value.compareTo(BigInteger.valueOf(MAX_SIZE)) > 0) {
            throw new ManifestException(what + " is not an integer from 0 to " + MAX_SIZE);
        }
        return value.longValueExact();
    }

    /**
     * No two paths the same when compared case-insensitively (Windows and macOS would merge them),
     * and no path that is also a folder of another ("a/b" and "a/b/c").
     */
    private static void checkDistinct(List<FileEntry> files) throws ManifestException {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            Integer before = seen.putIfAbsent(fold(files.get(i).path()), i + 1);
            if (before != null) {
                throw new ManifestException("files " + before + " and " + (i + 1) + " have the same path (compared ignoring case)");
            }
        }
        for (int i = 0; i < files.size(); i++) {
            String path = fold(files.get(i).path());
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                Integer folder = seen.get(path.substring(0, slash));
                if (folder != null) {
                    throw new ManifestException("file " + folder + "'s path is also a folder of file " + (i + 1) + "'s path");
                }
            }
        }
    }

    /** Case folding for the comparison: Unicode's default lower case (Java's Locale.ROOT, JavaScript's toLowerCase()). */
    private static String fold(String path) {
        return path.toLowerCase(Locale.ROOT);
    }

    /** Exactly {@code size} bytes of the content, or a {@link ManifestException} when it ends sooner. */
    private static final class Part extends InputStream {
        private final InputStream in;
        private long left;

        Part(InputStream in, long size) {
            this.in = in;
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (left == 0) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            int n = in.read(target, offset, (int) Math.min(length, left));
            if (n < 0) {
                throw new ManifestException("the content is shorter than the manifest's size");
            }
            left -= n;
            return n;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), left);
        }

        void skipRest() throws IOException {
            byte[] buffer = new byte[8192];
            while (read(buffer, 0, buffer.length) > 0) {
                // read() throws when the content ends before this file's size
            }
        }

        @Override
        public void close() {
            // the content stream goes on with the next file: closing one part closes nothing
        }
    }
}
