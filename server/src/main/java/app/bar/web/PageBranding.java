package app.bar.web;

import app.bar.branding.Branding;

/**
 * Writes the operator's brand ({@link Branding}) into the layout's {@code <!-- branding ...}
 * slots and each page's title, once at start-up. Every value is HTML-escaped (a name like
 * {@code <img onerror=...>} shows as text); links passed the branding rules ({@code https://} or
 * a path) and are escaped too. Nothing inline: the accent colour comes from {@code /branding.css}
 * and the logo from {@code /branding/logo}, so the CSP stays as strict as without a brand. Unset,
 * the pages look exactly as BAR's own. BAR's own words are catalogue keys ({@code {{key}}},
 * {@link PageText}); the operator's are escaped so that none reads as a key.
 */
final class PageBranding {

    static final String STYLESHEET_SLOT = "<!-- branding stylesheet";
    static final String HEADER_SLOT = "<!-- branding header";
    static final String NOTICE_SLOT = "<!-- branding notice";
    static final String FOOTER_SLOT = "<!-- branding footer";

    /** BAR's own footer line, kept under the operator's. */
    static final String BAR_FOOTER = "{{common.footer.bar|hash=<span class=\"mono\">#</span>}}";
    private static final String TITLE_SUFFIX = " — " + Branding.DEFAULT_NAME;

    private final Branding branding;

    PageBranding(Branding branding) {
        this.branding = branding;
    }

    /** The layout with its branding slots filled (a slot with nothing to show disappears with its line). */
    String layout(String layout) {
        String html = layout;
        html = PageLayout.replaceSlot(html, STYLESHEET_SLOT, branding.accentColor().isPresent()
                ? "  <link rel=\"stylesheet\" href=\"" + Branding.STYLESHEET_PATH + "\">" : "");
        html = PageLayout.replaceSlot(html, HEADER_SLOT, "    " + header());
        html = PageLayout.replaceSlot(html, NOTICE_SLOT, branding.notice().isEmpty() ? ""
                : "  <div class=\"banner\" role=\"note\">" + escape(branding.notice()) + "</div>");
        return PageLayout.replaceSlot(html, FOOTER_SLOT, footer());
    }

    /** A page's head with the instance name in place of BAR's at the end of its title (and link-preview title). */
    String head(String head) {
        if (!branding.named()) {
            return head;
        }
        String suffix = " — " + escape(branding.name());
        return head.replace(TITLE_SUFFIX + "</title>", suffix + "</title>").replace(TITLE_SUFFIX + "\">", suffix + "\">");
    }

    private String header() {
        StringBuilder a = new StringBuilder("<a class=\"brand").append(branding.hasLogo() ? " with-logo" : "").append("\" href=\"/\">");
        if (branding.hasLogo()) {
            a.append("<img class=\"brand-logo\" src=\"").append(Branding.LOGO_PATH).append("\" alt=\"\">");
        }
        a.append(escape(branding.name()));
        if (!branding.named()) {
            a.append("<span>{{common.brand.tagline}}</span>");
        }
        return a.append("</a>").toString();
    }

    private String footer() {
        if (branding.footerText().isEmpty() && branding.links().isEmpty()) {
            return "  <footer>" + BAR_FOOTER + "</footer>";
        }
        StringBuilder footer = new StringBuilder("  <footer>\n");
        if (!branding.footerText().isEmpty()) {
            footer.append("    <p class=\"brand-footer\">").append(escape(branding.footerText())).append("</p>\n");
        }
        if (!branding.links().isEmpty()) {
            footer.append("    <nav class=\"legal\" aria-label=\"{{common.footer.legal}}\">");
            for (Branding.Link link : branding.links()) {
                footer.append("<a href=\"").append(escape(link.href())).append("\">").append(escape(link.label())).append("</a>");
            }
            footer.append("</nav>\n");
        }
        return footer.append("    <p>").append(BAR_FOOTER).append("</p>\n  </footer>").toString();
    }

    private static String escape(String text) {
        return PageText.escape(text);
    }
}
