package app.bar.format;

/**
 * One file of a multi-file share's manifest (docs/zero-knowledge-format.md, "Plaintext framing"):
 * its relative path ("photos/a.png"), its declared MIME type (never trusted to decide how to show
 * it; {@link Manifest#OCTET_STREAM} when the manifest gave none) and its size in bytes.
 */
public record FileEntry(String path, String type, long size) {

    /** An entry; a null type becomes {@link Manifest#OCTET_STREAM}. The manifest checks the rest. */
    public FileEntry {
        if (path == null) {
            throw new IllegalArgumentException("a file entry needs a path");
        }
        if (type == null) {
            type = Manifest.OCTET_STREAM;
        }
    }
}
