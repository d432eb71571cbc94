package app.bar.cli;

import app.bar.format.BarContainer;
import app.bar.format.Manifest;
import app.bar.format.ManifestException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Opens a container and writes its content where {@link PlaintextOutput} says (the files of a
 * multi-file share under a directory, {@link FilesOutput}). Only
 * authenticated segments are written; any failure stops at once, a file target is then
 * discarded, and the message tells a broken connection from content that did not decrypt.
 */
final class ContainerReader {

    private ContainerReader() {
    }

    /** Opens {@code container}; answers where the content went. */
    static String open(InputStream container, byte[] contentKey, PlaintextOutput output, String source) {
        try (InputStream plain = BarContainer.open(container, contentKey)) {
            String json = BarContainer.readMetadata(plain);
            if (Manifest.isManifest(json)) {
                return output.writeFiles(Manifest.parse(json), plain);
            }
            Metadata metadata = Metadata.parse(json);
            return output.write(plain, metadata.isText(), metadata.name());
        } catch (ManifestException e) {
            throw new CliFailure(Exit.FAILED, source + " is damaged: its list of files breaks the format (" + e.getMessage()
                    + "); nothing was written", e);
        } catch (PlaintextOutput.NetworkFailure e) {
            throw new CliFailure(Exit.FAILED, "the download broke off (" + e.getMessage() + "); nothing was saved, but the view "
                    + "is used: ask the sender for a new share", e);
        } catch (IOException e) {
            if (e instanceof java.nio.file.FileSystemException || e.getCause() instanceof java.nio.file.FileSystemException) {
                throw new CliFailure(Exit.FAILED, "cannot write the content: " + e.getMessage(), e);
            }
            throw new CliFailure(Exit.FAILED, source + " could not be decrypted: the key (or password) is not the one it was "
                    + "made with, or the content was altered; nothing of a failed part was written", e);
        }
    }
}
