package app.bar.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gets the JDK's AES-GCM hash ({@code GHASH.processBlocks}) compiled with its CPU intrinsic
 * before the first large upload. A streaming upload calls it once per 1 MiB segment, too seldom
 * for the JIT to compile the method normally: it only compiles the loop inside it (on-stack
 * replacement), which runs the plain Java version — measured at a third of the speed. A few
 * thousand small segments at start-up make it hot the normal way. Runs in the background.
 */
@Component
final class CipherWarmUp {

    private static final Logger log = LoggerFactory.getLogger(CipherWarmUp.class);

    @EventListener
    void on(ApplicationReadyEvent event) {
        Thread thread = new Thread(this::warmUp, "bar-cipher-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    void warmUp() {
        long start = System.nanoTime();
        try {
            byte[] key = new byte[32];
            byte[] iv = new byte[12];
            byte[] plain = new byte[1024];
            javax.crypto.spec.SecretKeySpec spec = new javax.crypto.spec.SecretKeySpec(key, "AES");
            javax.crypto.Cipher gcm = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            for (int i = 0; i < 20_000; i++) {
                iv[0] = (byte) i;
                iv[1] = (byte) (i >>> 8);
                gcm.init(javax.crypto.Cipher.ENCRYPT_MODE, spec, new javax.crypto.spec.GCMParameterSpec(128, iv));
                byte[] sealed = gcm.doFinal(plain);
                gcm.init(javax.crypto.Cipher.DECRYPT_MODE, spec, new javax.crypto.spec.GCMParameterSpec(128, iv));
                gcm.doFinal(sealed);
            }
            log.debug("crypto.warm_up ms={}", (System.nanoTime() - start) / 1_000_000);
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            log.debug("crypto.warm_up_failed error={}", e.getClass().getSimpleName());
        }
    }
}
