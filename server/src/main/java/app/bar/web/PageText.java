package app.bar.web;

import app.bar.web.i18n.Catalogues;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes one language's texts into a page, once per language at start-up (issue 17): every
 * {@code {{key}}} (in text and in attributes) becomes the catalogue's text, HTML-escaped;
 * {@code {{lang}}} and {@code {{dir}}} the language's tag and direction, {@code {{languages}}} the
 * picker's options (each language named in itself). A text with a placeholder gets the markup the
 * page gives for it after the key, {@code {{common.footer.bar|hash=<span class="mono">#</span>}}}:
 * markup from BAR's own page files, never from a catalogue or a request. An unknown key, a
 * plural text or a placeholder the page does not give fails the start.
 */
final class PageText {

    static final Pattern TOKEN = Pattern.compile("\\{\\{([a-z][a-z0-9_.]*)((?:\\|[a-z_]+=[^|{}]*)*)\\}\\}");
    private static final Pattern ARG = Pattern.compile("\\|([a-z_]+)=([^|]*)");

    private final Catalogues catalogues;

    PageText(Catalogues catalogues) {
        this.catalogues = catalogues;
    }

    String render(String page, String html, String lang) {
        Matcher token = TOKEN.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 1024);
        while (token.find()) {
            token.appendReplacement(out, Matcher.quoteReplacement(value(page, lang, token.group(1), token.group(2))));
        }
        token.appendTail(out);
        return out.toString();
    }

    private String value(String page, String lang, String key, String arguments) {
        switch (key) {
            case "lang":
                return lang;
            case "dir":
                return catalogues.rightToLeft(lang) ? "rtl" : "ltr";
            case "languages":
                return options(lang);
            default:
                break;
        }
        Map<String, String> markup = new HashMap<>();
        Map<String, String> marks = new HashMap<>();
        Matcher arg = ARG.matcher(arguments);
        while (arg.find()) {
            String mark = "\u0000" + markup.size() + "\u0000";
            markup.put(mark, arg.group(2));
            marks.put(arg.group(1), mark);
        }
        String text;
        try {
            text = escape(catalogues.text(lang, key, marks));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("page " + page + " (" + lang + "): " + e.getMessage(), e);
        }
        for (Map.Entry<String, String> m : markup.entrySet()) {
            text = text.replace(m.getKey(), m.getValue());
        }
        return text;
    }

    private String options(String current) {
        StringBuilder options = new StringBuilder();
        for (String lang : catalogues.languages()) {
            options.append("<option value=\"").append(escape(lang)).append("\" lang=\"").append(escape(lang)).append('"')
                    .append(lang.equals(current) ? " selected" : "").append('>')
                    .append(escape(catalogues.text(lang, "common.language.name"))).append("</option>");
        }
        return options.toString();
    }

    /** HTML-escaped, and {@code {} too, so no text ever reads as a {@code {{key}}}. */
    static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8").replace("{", "&#123;");
    }
}
