package app.bar.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS towards the server: the JDK's trust store and host name checks by default; with
 * {@code --ca-file}, the PEM certificates in that file instead (a private CA), as curl's
 * {@code --cacert}. Verification is never switched off.
 */
final class Tls {

    private Tls() {
    }

    static SSLContext trusting(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw CliFailure.usage("--ca-file: no PEM certificate in " + caFile);
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw CliFailure.usage("--ca-file: cannot read " + caFile + " (" + e.getClass().getSimpleName() + ")");
        } catch (GeneralSecurityException e) {
            throw CliFailure.usage("--ca-file: " + caFile + " holds no usable PEM certificate (" + e.getMessage() + ")");
        }
    }
}
