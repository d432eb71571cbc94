package app.bar.cli;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The metadata frame sealed before the content (docs/zero-knowledge-format.md, "Plaintext
 * framing"), written and read exactly as the browser does (create.mjs, open.mjs).
 */
final class Metadata {

    static final String TEXT_TYPE = "text/plain;charset=utf-8";
    static final String OCTET_STREAM = "application/octet-stream";

    private final @Nullable String name;
    private final String type;

    private Metadata(@Nullable String name, String type) {
        this.name = name;
        this.type = type;
    }

    static String text() {
        return Api.JSON.writeValueAsString(Map.of("type", TEXT_TYPE));
    }

    /** {"name", "type", "size"} of a file; a missing name or size is left out. */
    static String file(@Nullable String name, @Nullable String type, long size) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (name != null) {
            metadata.put("name", name);
        }
        metadata.put("type", type != null ? type : OCTET_STREAM);
        if (size >= 0) {
            metadata.put("size", size);
        }
        return Api.JSON.writeValueAsString(metadata);
    }

    static Metadata parse(String json) {
        JsonNode node;
        try {
            node = Api.JSON.readTree(json);
        } catch (JacksonException e) {
            throw CliFailure.failed("the share's metadata is not JSON: it was not made by a BAR client");
        }
        if (node == null || !node.isObject()) {
            throw CliFailure.failed("the share's metadata is not a JSON object: it was not made by a BAR client");
        }
        JsonNode name = node.get("name");
        JsonNode type = node.get("type");
        return new Metadata(name != null && name.isString() ? name.asString() : null,
                type != null && type.isString() ? type.asString() : "");
    }

    @Nullable String name() {
        return name;
    }

    /** The browser's rule: a text share has no name and a text/plain type. */
    boolean isText() {
        return name == null && type.startsWith("text/plain");
    }

    /** UTF-8 bytes as characters that can be wiped (a String could not be). */
    static char[] utf8(byte[] bytes) {
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        char[] result = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
        Arrays.fill(chars.array(), '\0');
        return result;
    }
}
