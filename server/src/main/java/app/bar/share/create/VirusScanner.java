package app.bar.share.create;

import java.io.IOException;

/**
 * A scan that runs alongside an upload: the plaintext is fed in chunks while it is being
 * encrypted, and {@link Scan#verdict()} answers once the body has ended.
 */
interface VirusScanner {

    /** A scanner that accepts everything (no {@code bar.shares.clamd-url}). */
    VirusScanner NONE = () -> new Scan() {
        @Override
        public void feed(byte[] chunk, int length) {
        }

        @Override
        public Verdict verdict() {
            return Verdict.CLEAN;
        }

        @Override
        public void close() {
        }
    };

    /** Starts a scan; {@link ScannerUnavailableException} when the scanner cannot be reached. */
    Scan start() throws ScannerUnavailableException;

    interface Scan extends AutoCloseable {
        void feed(byte[] chunk, int length) throws ScannerUnavailableException;

        Verdict verdict() throws ScannerUnavailableException;

        @Override
        void close();
    }

    enum Verdict { CLEAN, INFECTED }

    /** The scanner is configured but down or failing: uploads fail closed (503). */
    final class ScannerUnavailableException extends IOException {
        ScannerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }

        ScannerUnavailableException(String message) {
            super(message);
        }
    }
}
