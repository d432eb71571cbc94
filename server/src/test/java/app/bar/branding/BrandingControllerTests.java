package app.bar.branding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** /branding.css: the accent colour as custom properties, with readable text on it. */
class BrandingControllerTests {

    @Test
    void stylesheetWhenAccentSetThenAccentForBothSchemesAndNothingElse() {
        String css = BrandingController.stylesheet(TestBranding.of("bar.branding.accent-color", "#0F766E"));

        assertThat(css).contains(":root {\n  --accent: #0f766e;", "@media (prefers-color-scheme: dark)")
                .contains("--accent-fg:").doesNotContain("url(", "@import");
        assertThat(css.split("--accent: #0f766e;", -1)).hasSize(3);
    }

    @Test
    void stylesheetWhenAccentDarkThenWhiteTextWhenLightThenDarkText() {
        assertThat(BrandingController.stylesheet(TestBranding.of("bar.branding.accent-color", "#0f3d6b")))
                .contains("--accent-fg: #ffffff;");
        assertThat(BrandingController.stylesheet(TestBranding.of("bar.branding.accent-color", "#ffd54f")))
                .contains("--accent-fg: #1a1a1a;");
    }

    @Test
    void stylesheetWhenNoAccentThenOnlyAComment() {
        assertThat(BrandingController.stylesheet(TestBranding.none())).doesNotContain("--accent").startsWith("/*");
    }
}
