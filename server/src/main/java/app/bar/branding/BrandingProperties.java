package app.bar.branding;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bar.branding.*}, each empty when not set (BAR's own look). The values are checked by
 * {@link BrandingRules} before the context starts; {@link Branding} is what the rest reads.
 */
@ConfigurationProperties("bar.branding")
record BrandingProperties(
        @DefaultValue("") String name,
        @DefaultValue("") String logo,
        @DefaultValue("") String accentColor,
        @DefaultValue("") String footerText,
        @DefaultValue("") String imprintUrl,
        @DefaultValue("") String privacyUrl,
        @DefaultValue("") String termsUrl,
        @DefaultValue("") String notice) {
}
