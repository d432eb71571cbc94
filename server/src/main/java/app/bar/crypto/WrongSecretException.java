package app.bar.crypto;

/** A sealed key did not open: wrong password, wrong ticket, or a key sealed for something else. */
public final class WrongSecretException extends RuntimeException {

    public WrongSecretException() {
        super("the key does not open this sealed value", null, false, false);
    }
}
