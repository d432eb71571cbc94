package app.bar.mail;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * A message template (written by {@link MailTexts} from the catalogues) with {@code {{name}}} placeholders, rendered twice: as plain text, and as
 * HTML with every value escaped ({@link HtmlUtils#htmlEscape}), so a display name or filename
 * can never inject markup. Values are also stripped of CR/LF in the text part.
 */
final class MailTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z0-9_]+)}}");

    private final String subject;
    private final String text;
    private final String html;

    MailTemplate(String subject, String text, String html) {
        this.subject = subject;
        this.text = text;
        this.html = html;
    }

    /** The mail for {@code to}, placeholders filled from {@code values} (a missing value is an error). */
    OutgoingMail render(String to, Map<String, String> values) {
        return new OutgoingMail(to, fill(subject, values, false).replaceAll("[\\r\\n]+", " "),
                fill(text, values, false), fill(html, values, true));
    }

    private static String fill(String template, Map<String, String> values, boolean escapeHtml) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for placeholder " + m.group(1));
            }
            String safe = escapeHtml ? HtmlUtils.htmlEscape(value) : value.replaceAll("[\\r\\n]+", " ");
            m.appendReplacement(out, Matcher.quoteReplacement(safe));
        }
        m.appendTail(out);
        return out.toString();
    }
}
