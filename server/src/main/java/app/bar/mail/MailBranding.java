package app.bar.mail;

import app.bar.branding.Branding;
import app.bar.platform.web.PublicUrl;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The operator's brand in every mail: the instance name for the templates' {@code {{instance}}},
 * and a signature under the body (name, footer text, imprint/privacy/terms links) in both parts,
 * escaped in the HTML one. Links that are paths on this server become absolute with
 * {@code bar.public-url}, the only base mails ever use. Without a brand, mails stay as they are.
 */
@Component
final class MailBranding {

    /** The placeholder every template may use for the instance name; callers do not fill it. */
    static final String INSTANCE = "instance";

    private final Branding branding;
    private final PublicUrl publicUrl;

    MailBranding(Branding branding, PublicUrl publicUrl) {
        this.branding = branding;
        this.publicUrl = publicUrl;
    }

    String name() {
        return branding.name();
    }

    /** {@code mail} with the brand's signature under both parts. */
    OutgoingMail sign(OutgoingMail mail) {
        if (!branding.named() && branding.footerText().isEmpty() && branding.links().isEmpty()) {
            return mail;
        }
        List<String> lines = new ArrayList<>();
        lines.add(branding.name());
        if (!branding.footerText().isEmpty()) {
            lines.add(branding.footerText());
        }
        branding.links().forEach(link -> lines.add(link.label() + ": " + href(link)));
        String text = mail.text() + "\n-- \n" + String.join("\n", lines) + "\n";
        String html = mail.html() == null ? null : mail.html() + signature();
        return new OutgoingMail(mail.to(), mail.subject(), text, html);
    }

    private String signature() {
        StringBuilder html = new StringBuilder("<hr><p><strong>").append(escape(branding.name())).append("</strong>");
        if (!branding.footerText().isEmpty()) {
            html.append("<br>").append(escape(branding.footerText()));
        }
        html.append("</p>");
        if (!branding.links().isEmpty()) {
            html.append("<p>");
            String separator = "";
            for (Branding.Link link : branding.links()) {
                html.append(separator).append("<a href=\"").append(escape(href(link))).append("\">")
                        .append(escape(link.label())).append("</a>");
                separator = " · ";
            }
            html.append("</p>");
        }
        return html.toString();
    }

    private String href(Branding.Link link) {
        return link.relative() ? publicUrl.resolve(link.href()) : link.href();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
