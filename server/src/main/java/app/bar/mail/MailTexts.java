package app.bar.mail;

import app.bar.mail.CatalogueMail.Block;
import app.bar.mail.CatalogueMail.Button;
import app.bar.mail.CatalogueMail.LinkLine;
import app.bar.mail.CatalogueMail.Paragraph;
import app.bar.mail.CatalogueMail.Phrase;
import app.bar.web.i18n.Catalogues;
import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes a {@link CatalogueMail} in a language: the catalogue's texts become a {@link MailTemplate}
 * whose {@code {{name}}} placeholders the caller's values then fill, escaped for HTML and kept to
 * one line in the subject. User values never pass through the catalogue, so a value that looks
 * like a placeholder stays text; the catalogue's own text is escaped in the HTML part too.
 */
@Component
final class MailTexts {

    private final Catalogues catalogues;

    MailTexts(Catalogues catalogues) {
        this.catalogues = catalogues;
    }

    /**
     * The language a mail is written in: {@code requested} (a language tag, such as a page's or the
     * CLI's {@code de-AT}) or the nearest offered one (de), else English.
     */
    String language(@Nullable String requested) {
        return catalogues.negotiate(null, requested);
    }

    /**
     * A moment as the language writes a date and time, in UTC and saying so ("Dec 5, 2026, 6:46 AM
     * UTC", "5. Dez. 2026, 06:46 UTC"): CLDR's pattern for the skeleton through ICU4J. A mail has no
     * time zone of its reader, so UTC, named, rather than a guess.
     */
    static String time(String lang, Instant at) {
        DateFormat format = DateFormat.getInstanceForSkeleton("yMMMdjmmz", ULocale.forLanguageTag(lang));
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.format(Date.from(at));
    }

    /**
     * {@code mail} in {@code requested} (or English) for {@code to}; {@code values} are texts, moments ({@link Instant}, written as the language
     * writes a date and time, in UTC), numbers (formatted for the language; {@code count} also picks plural texts) or {@link Phrase}s.
     */
    OutgoingMail render(CatalogueMail mail, @Nullable String requested, String to, Map<String, ?> values) {
        String lang = language(requested);
        Map<String, String> texts = new HashMap<>();
        values.forEach((name, value) -> {
            if (value instanceof Phrase phrase) {
                texts.put(name, catalogues.text(lang, phrase.key(),
                        phrase.count() == null ? Map.of() : Map.of("count", phrase.count())));
            } else if (value instanceof Instant at) {
                texts.put(name, time(lang, at));
            } else if (!(value instanceof Number)) {
                texts.put(name, String.valueOf(value));
            }
        });
        Writer writer = new Writer(lang, new Placeholders(values), mail.urlNames(), named(texts.get("name")));
        return new MailTemplate(writer.text(mail.subjectKey()), writer.text(mail.blocks()), writer.html(mail.blocks()))
                .render(to, texts);
    }

    private static boolean named(@Nullable String name) {
        return name != null && !name.isBlank();
    }

    /** Renders the catalogue's texts with {@code {{name}}} in place of every value but numbers. */
    private final class Writer {

        private final String lang;
        private final Placeholders placeholders;
        private final Set<String> urls;
        private final boolean named;

        Writer(String lang, Placeholders placeholders, Set<String> urls, boolean named) {
            this.lang = lang;
            this.placeholders = placeholders;
            this.urls = urls;
            this.named = named;
        }

        String text(String key) {
            return catalogues.text(lang, key, placeholders);
        }

        String text(List<Block> blocks) {
            return String.join("\n\n", blocks.stream().map(this::text).toList()) + "\n";
        }

        String html(List<Block> blocks) {
            return String.join("", blocks.stream().map(block -> "<p>" + html(block) + "</p>").toList());
        }

        private String text(Block block) {
            if (block instanceof Button button) {
                return "{{" + button.url() + "}}";
            }
            if (block instanceof LinkLine line) {
                return String.join("\n", line.links().stream()
                        .map(link -> text(link.labelKey()) + ": {{" + link.url() + "}}").toList());
            }
            return words(block);
        }

        private String html(Block block) {
            if (block instanceof Button button) {
                return anchor(button.url(), escape(text(button.labelKey())));
            }
            if (block instanceof LinkLine line) {
                return String.join(" · ", line.links().stream()
                        .map(link -> anchor(link.url(), escape(text(link.labelKey())))).toList());
            }
            return escaped(words(block));
        }

        /** The text of a greeting or a paragraph. */
        private String words(Block block) {
            if (block instanceof Paragraph paragraph) {
                return String.join(" ", paragraph.keys().stream().map(this::text).toList());
            }
            return text(named ? CatalogueMail.GREETING_NAMED : CatalogueMail.GREETING_ANONYMOUS);
        }

        /** Catalogue text escaped, its URL placeholders made anchors that show the URL. */
        private String escaped(String text) {
            String html = escape(text);
            for (String url : urls) {
                html = html.replace("{{" + url + "}}", anchor(url, "{{" + url + "}}"));
            }
            return html;
        }

        private static String anchor(String url, String label) {
            return "<a href=\"{{" + url + "}}\">" + label + "</a>";
        }

        private static String escape(String text) {
            return HtmlUtils.htmlEscape(text, "UTF-8");
        }
    }

    /**
     * The arguments the catalogue sees: numbers as they are (formatted for the language, and
     * {@code count} picks the plural form), any other name as {@code {{name}}} for the template.
     */
    private static final class Placeholders extends AbstractMap<String, Object> {

        private final Map<String, ?> values;

        Placeholders(Map<String, ?> values) {
            this.values = values;
        }

        @Override
        public Object get(Object name) {
            return values.get(name) instanceof Number number ? number : "{{" + name + "}}";
        }

        @Override
        public boolean containsKey(Object name) {
            return true;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Set.of();
        }
    }
}
