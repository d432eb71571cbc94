package app.bar.web;

import app.bar.web.i18n.Catalogues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;

/**
 * Puts a page together from the one shared layout ({@code pages/layout.html}: the head's meta and
 * style sheet, the header with its navigation, the footer) and the page's own file
 * ({@code pages/<name>.html}: its {@code <title>} and module script, then its {@code <main>}).
 *
 * <p>Done once at start-up, on the server, rather than by a script in the browser: every page
 * arrives whole (first paint, and without JavaScript, show the header), stays a fixed file with no
 * inline script or style (the CSP keeps {@code script-src 'self'; style-src 'self'}), and nothing
 * from a request ever reaches it. A layout or page that does not fit fails the start. Each page
 * is rendered once per offered language ({@link PageText}: its {@code {{key}}}s from the catalogues).
 */
final class PageLayout {

    static final String HEAD_SLOT = "<!-- page head";
    static final String MAIN_SLOT = "<!-- page main";
    /** A line {@code <!-- part request-form -->} in a page becomes {@code pages/part-request-form.html}. */
    static final Pattern PART = Pattern.compile("(?m)^[ \\t]*<!-- part ([a-z][a-z-]*) -->[ \\t]*\\n");

    private final String layout;
    private final UnaryOperator<String> head;
    private final PageText text;

    PageLayout(String layout) {
        this(layout, UnaryOperator.identity(), new PageText(Catalogues.load()));
    }

    /** {@code head} adapts each page's head (the brand's name in its title); {@code text} writes in a language's texts. */
    PageLayout(String layout, UnaryOperator<String> head, PageText text) {
        requireOneSlot(layout, HEAD_SLOT);
        requireOneSlot(layout, MAIN_SLOT);
        this.layout = layout;
        this.head = head;
        this.text = text;
    }

    /** The layout with the operator's brand in it ({@link PageBranding}) and the catalogues' texts. */
    static PageLayout load(PageBranding branding, Catalogues catalogues) {
        return new PageLayout(branding.layout(read("layout")), branding::head, new PageText(catalogues));
    }

    /** The whole page {@code name} in English. */
    byte[] render(String name) {
        return render(name, Catalogues.ENGLISH);
    }

    /** The whole page {@code name}, from {@code pages/<name>.html}, in {@code lang}. */
    byte[] render(String name, String lang) {
        return text.render(name, assemble(name, insertParts(read(name), n -> read("part-" + n))), lang)
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The page with each {@code <!-- part NAME -->} line replaced by that part: markup two pages
     * share (the request form on the create page and on /r/new) is written once. Parts hold no part.
     */
    static String insertParts(String page, UnaryOperator<String> parts) {
        Matcher part = PART.matcher(page);
        StringBuilder out = new StringBuilder(page.length() + 4096);
        while (part.find()) {
            String content = parts.apply(part.group(1));
            part.appendReplacement(out, Matcher.quoteReplacement(content.endsWith("\n") ? content : content + "\n"));
        }
        part.appendTail(out);
        return out.toString();
    }

    String assemble(String name, String page) {
        int main = page.indexOf("<main");
        if (main < 0 || page.indexOf("<main", main + 1) >= 0 || !page.stripTrailing().endsWith("</main>")) {
            throw new IllegalStateException("page " + name + " must end in its one <main> element");
        }
        int split = page.lastIndexOf('\n', main) + 1;
        String head = page.substring(0, split);
        if (!head.contains("<title>")) {
            throw new IllegalStateException("page " + name + " must start with its <title>");
        }
        return replaceSlot(replaceSlot(layout, HEAD_SLOT, this.head.apply(head)), MAIN_SLOT, page.substring(split));
    }

    /**
     * Replaces the whole line that holds {@code slot} (which must be there once) with
     * {@code content}; empty content removes the line.
     */
    static String replaceSlot(String text, String slot, String content) {
        requireOneSlot(text, slot);
        int at = text.indexOf(slot);
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf('\n', at);
        String lines = content.isEmpty() || content.endsWith("\n") ? content : content + "\n";
        return text.substring(0, start) + lines + (end < 0 ? "" : text.substring(end + 1));
    }

    private static void requireOneSlot(String layout, String slot) {
        int at = layout.indexOf(slot);
        if (at < 0 || layout.indexOf(slot, at + 1) >= 0) {
            throw new IllegalStateException("the page layout must hold '" + slot + "' once");
        }
    }

    private static String read(String name) {
        try {
            return new ClassPathResource("pages/" + name + ".html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pages/" + name + ".html", e);
        }
    }
}
