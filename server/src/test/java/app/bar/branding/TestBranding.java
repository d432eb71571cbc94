package app.bar.branding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/** {@link Branding} for tests of other modules, from {@code bar.branding.*} key-value pairs. */
public final class TestBranding {

    private TestBranding() {
    }

    /** BAR's own look: nothing set. */
    public static Branding none() {
        return of();
    }

    public static Branding of(String... keyValues) {
        Map<String, String> v = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            v.put(keyValues[i].substring("bar.branding.".length()), keyValues[i + 1]);
        }
        return new Branding(new BrandingProperties(v.getOrDefault("name", ""), v.getOrDefault("logo", ""),
                v.getOrDefault("accent-color", ""), v.getOrDefault("footer-text", ""), v.getOrDefault("imprint-url", ""),
                v.getOrDefault("privacy-url", ""), v.getOrDefault("terms-url", ""), v.getOrDefault("notice", "")));
    }

    /** The test logo ({@code branding/logo.png}, a 96 px PNG) copied into {@code dir}. */
    public static Path logo(Path dir) throws IOException {
        Path file = dir.resolve("logo-" + System.nanoTime() + ".png");
        try (InputStream in = new ClassPathResource("branding/logo.png").getInputStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
