package app.bar.cli;

import app.bar.format.BarContainer;
import java.io.IOException;
import java.io.InputStream;

/**
 * Opens a container and writes its content where {@link PlaintextOutput} says. Only
 * authenticated segments are written; any failure stops at once, a file target is then
 * discarded, and the message tells a broken connection from content that did not decrypt.
 */
final class ContainerReader {

    private ContainerReader() {
    }

    /** Opens {@code container}; answers where the content went. */
    static String open(InputStream container, byte[] contentKey, PlaintextOutput output, String source) {
        try (InputStream plain = BarContainer.open(container, contentKey)) {
            Metadata metadata = Metadata.parse(BarContainer.readMetadata(plain));
            return output.write(plain, metadata.isText(), metadata.name());
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
