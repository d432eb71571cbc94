package app.bar.branding;

import app.bar.branding.BrandingRules.Logo;
import app.bar.branding.BrandingRules.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The instance's brand, as pages and mails show it. Every value is plain text or a checked link
 * ({@link BrandingRules}); whoever writes one into HTML escapes it. Unset values give BAR's own
 * look: the name {@value #DEFAULT_NAME}, no logo, BAR's colours, no links, no banner.
 */
@Component
public final class Branding {

    public static final String DEFAULT_NAME = "BAR";
    /** Where the logo is served, when there is one. */
    public static final String LOGO_PATH = "/branding/logo";
    /** The style sheet that sets the accent colour, when there is one. */
    public static final String STYLESHEET_PATH = "/branding.css";

    /** A footer link: its label and an {@code https://} URL or a path on this server. */
    public record Link(String label, String href) {

        /** Whether the link points at this server (a path), so a mail must make it absolute. */
        public boolean relative() {
            return href.startsWith("/");
        }
    }

    private final String name;
    private final Optional<Logo> logo;
    private final Optional<String> accentColor;
    private final String footerText;
    private final List<Link> links;
    private final String notice;

    Branding(BrandingProperties properties) {
        List<BrandingRules.Problem> problems = BrandingRules.problems(setting -> value(properties, setting));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid branding: " + problems);
        }
        this.name = properties.name().isBlank() ? DEFAULT_NAME : properties.name().strip();
        this.logo = properties.logo().isBlank() ? Optional.empty() : Optional.of(readLogo(properties.logo().strip()));
        this.accentColor = properties.accentColor().isBlank() ? Optional.empty()
                : Optional.of(properties.accentColor().strip().toLowerCase(java.util.Locale.ROOT));
        this.footerText = properties.footerText().strip();
        List<Link> all = new ArrayList<>();
        addLink(all, "Imprint", properties.imprintUrl());
        addLink(all, "Privacy", properties.privacyUrl());
        addLink(all, "Terms", properties.termsUrl());
        this.links = List.copyOf(all);
        this.notice = properties.notice().strip();
    }

    /** The instance name: {@value #DEFAULT_NAME} unless the operator set one. */
    public String name() {
        return name;
    }

    /** Whether the operator named the instance (BAR's own tagline is shown only for BAR). */
    public boolean named() {
        return !name.equals(DEFAULT_NAME);
    }

    public boolean hasLogo() {
        return logo.isPresent();
    }

    /** The accent colour, {@code #rrggbb} in lower case, when set. */
    public Optional<String> accentColor() {
        return accentColor;
    }

    /** The operator's footer line, {@code ""} when unset. */
    public String footerText() {
        return footerText;
    }

    /** Imprint, privacy and terms links, those that are set, in that order. */
    public List<Link> links() {
        return links;
    }

    /** The notice banner shown above every page, {@code ""} when unset. */
    public String notice() {
        return notice;
    }

    Optional<Logo> logo() {
        return logo;
    }

    private static Logo readLogo(String path) {
        try {
            return BrandingRules.readLogo(path);
        } catch (BrandingRules.InvalidLogo e) {
            throw new IllegalStateException("invalid branding: " + Setting.LOGO.variable + " " + e.getMessage(), e);
        }
    }

    private static void addLink(List<Link> links, String label, String href) {
        if (!href.isBlank()) {
            links.add(new Link(label, href.strip()));
        }
    }

    private static String value(BrandingProperties p, Setting setting) {
        return switch (setting) {
            case NAME -> p.name();
            case LOGO -> p.logo();
            case ACCENT_COLOR -> p.accentColor();
            case FOOTER_TEXT -> p.footerText();
            case IMPRINT_URL -> p.imprintUrl();
            case PRIVACY_URL -> p.privacyUrl();
            case TERMS_URL -> p.termsUrl();
            case NOTICE -> p.notice();
        };
    }
}
