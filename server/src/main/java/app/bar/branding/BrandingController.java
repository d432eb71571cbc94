package app.bar.branding;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The brand's two files, built once at start-up: {@code /branding.css} (the accent colour as
 * custom properties, which {@code bar.css} uses everywhere) and {@code /branding/logo} (the
 * operator's image, with the type read from its bytes). Being files of our own origin, they need
 * nothing from the CSP beyond {@code style-src 'self'} and {@code img-src 'self'}. Without a
 * logo, {@code /branding/logo} is the usual 404 problem.
 */
@Controller
final class BrandingController {

    private static final MediaType CSS = new MediaType("text", "css", StandardCharsets.UTF_8);
    /** Like the other static files: a browser keeps them a while, a changed brand shows after a restart and an hour. */
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1));

    private final Branding branding;
    private final byte[] css;

    BrandingController(Branding branding) {
        this.branding = branding;
        this.css = stylesheet(branding).getBytes(StandardCharsets.UTF_8);
    }

    @GetMapping(Branding.STYLESHEET_PATH)
    ResponseEntity<byte[]> stylesheet() {
        return ResponseEntity.ok().contentType(CSS).cacheControl(CACHE).body(css);
    }

    @GetMapping(Branding.LOGO_PATH)
    ResponseEntity<byte[]> logo() throws NoResourceFoundException {
        BrandingRules.Logo logo = branding.logo()
                .orElseThrow(() -> new NoResourceFoundException(HttpMethod.GET, Branding.LOGO_PATH, Branding.LOGO_PATH));
        return ResponseEntity.ok().contentType(logo.type()).cacheControl(CACHE).body(logo.bytes());
    }

    /**
     * The accent for both colour schemes, with text on it in black or white, whichever contrasts
     * more (WCAG relative luminance), and a soft tint for backgrounds. The colour passed
     * {@link BrandingRules} ({@code #rrggbb} only), so it cannot end the declaration.
     */
    static String stylesheet(Branding branding) {
        StringBuilder css = new StringBuilder("/* The instance's brand (bar.branding.*), generated at start-up. */\n");
        branding.accentColor().ifPresent(accent -> {
            String onAccent = luminance(accent) > 0.179 ? "#1a1a1a" : "#ffffff";
            String rule = "  --accent: " + accent + ";\n  --accent-fg: " + onAccent + ";\n"
                    + "  --accent-soft: color-mix(in srgb, " + accent + " %d%%, var(--bg));\n";
            css.append(":root {\n").append(rule.formatted(12)).append("}\n")
                    .append("@media (prefers-color-scheme: dark) {\n  :root {\n")
                    .append(rule.formatted(22).indent(2)).append("  }\n}\n");
        });
        return css.toString();
    }

    /** WCAG 2 relative luminance of {@code #rrggbb}. */
    static double luminance(String color) {
        double l = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(color.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            l += weights[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return l;
    }
}
