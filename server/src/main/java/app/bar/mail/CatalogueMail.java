package app.bar.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A mail whose words come from the catalogues ({@code i18n/<lang>/mail.json}, issue 17): a subject
 * key and the body's blocks in order, each naming catalogue keys, never text. The {@link Mailer}
 * renders it in the recipient's language as plain text and as HTML. Catalogue texts hold no
 * markup: links are blocks ({@link #button}, {@link #links}) or placeholders named in
 * {@link #urls}, which the HTML part shows as anchors. Immutable: each method returns a new mail.
 */
public final class CatalogueMail {

    /** The greeting's keys: "Hello {name}," when the account has a display name, else "Hello there,". */
    static final String GREETING_NAMED = "mail.greeting.named";
    static final String GREETING_ANONYMOUS = "mail.greeting.anonymous";

    sealed interface Block {
    }

    /** "Hello {name}," or, without a name, the anonymous greeting. */
    record Greeting() implements Block {
    }

    /** One paragraph: the texts of {@code keys} joined by a space. */
    record Paragraph(List<String> keys) implements Block {
    }

    /** A link on a line of its own: the URL in the text part, an anchor labelled {@code labelKey} in HTML. */
    record Button(String labelKey, String url) implements Block {
    }

    /** Links on one line in HTML (joined by " · "); "label: URL" lines in the text part. */
    record LinkLine(List<Link> links) implements Block {
    }

    /** A link's label key and the placeholder holding its URL. */
    public record Link(String labelKey, String url) {
    }

    /**
     * A value that is itself a catalogue text, in the mail's language, picked by {@code count}
     * when it is a plural text ("2 views are left.").
     */
    public record Phrase(String key, @Nullable Number count) {

        public static Phrase of(String key) {
            return new Phrase(key, null);
        }
    }

    private final String subjectKey;
    private final List<Block> blocks;
    private final Set<String> urls;

    private CatalogueMail(String subjectKey, List<Block> blocks, Set<String> urls) {
        this.subjectKey = subjectKey;
        this.blocks = List.copyOf(blocks);
        this.urls = Set.copyOf(urls);
    }

    /** A mail with the subject {@code key} and no body yet. */
    public static CatalogueMail subject(String key) {
        return new CatalogueMail(key, List.of(), Set.of());
    }

    public CatalogueMail greeting() {
        return with(new Greeting());
    }

    public CatalogueMail paragraph(String... keys) {
        return with(new Paragraph(List.of(keys)));
    }

    public CatalogueMail button(String labelKey, String url) {
        return with(new Button(labelKey, url)).withUrl(url);
    }

    public CatalogueMail links(Link... links) {
        CatalogueMail mail = with(new LinkLine(List.of(links)));
        for (Link link : links) {
            mail = mail.withUrl(link.url());
        }
        return mail;
    }

    /** Placeholders in paragraphs that hold a URL: an anchor showing the URL in the HTML part. */
    public CatalogueMail urls(String... names) {
        CatalogueMail mail = this;
        for (String name : names) {
            mail = mail.withUrl(name);
        }
        return mail;
    }

    String subjectKey() {
        return subjectKey;
    }

    List<Block> blocks() {
        return blocks;
    }

    Set<String> urlNames() {
        return urls;
    }

    private CatalogueMail with(Block block) {
        List<Block> more = new ArrayList<>(blocks);
        more.add(block);
        return new CatalogueMail(subjectKey, more, urls);
    }

    private CatalogueMail withUrl(String name) {
        Set<String> more = new java.util.HashSet<>(urls);
        more.add(name);
        return new CatalogueMail(subjectKey, blocks, more);
    }

    @Override
    public String toString() {
        return "CatalogueMail[" + subjectKey + "]"; // i18n-ignore: for logs
    }
}
