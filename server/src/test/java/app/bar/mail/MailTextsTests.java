package app.bar.mail;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.web.i18n.Catalogues;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 17: mails are written from the catalogues in the recipient's language; values stay text (ASVS 1.3.11). */
class MailTextsTests {

    private static final String EN = """
            {
              "mail.greeting.anonymous": "Hello there,",
              "mail.greeting.named": "Hello {name},",
              "mail.test.body": "your {instance} account <b>is</b> ready: {link}",
              "mail.test.button": "Open it & see",
              "mail.test.left": {"one": "{count} view is left.", "other": "{count} views are left."},
              "mail.test.more": "See more",
              "mail.test.subject": "Welcome to {instance}, {name}",
              "mail.test.unknown": "an unknown browser"
            }""";
    private static final String DE = """
            {
              "mail.greeting.anonymous": "Hallo,",
              "mail.greeting.named": "Hallo {name},",
              "mail.test.body": "Ihr {instance}-Konto ist bereit: {link}",
              "mail.test.button": "Öffnen",
              "mail.test.left": {"one": "Noch {count} Abruf.", "other": "Noch {count} Abrufe."},
              "mail.test.more": "Mehr",
              "mail.test.subject": "Willkommen bei {instance}, {name}",
              "mail.test.unknown": "ein unbekannter Browser"
            }""";
    private static final CatalogueMail MAIL = CatalogueMail.subject("mail.test.subject").greeting()
            .paragraph("mail.test.body", "mail.test.left").button("mail.test.button", "link")
            .links(new CatalogueMail.Link("mail.test.more", "more")).urls("link");

    private final MailTexts texts = new MailTexts(Catalogues.of(Map.of("en", Map.of("mail", EN), "de", Map.of("mail", DE))));

    private OutgoingMail render(String language, Map<String, ?> values) {
        Map<String, Object> all = new java.util.HashMap<>(Map.of("instance", "BAR", "link", "https://bar.example/a?x=1&y=2",
                "more", "https://bar.example/more", "count", 2));
        all.putAll(values);
        return texts.render(MAIL, language, "ann@example.com", all);
    }

    @Test
    void renderWhenLanguageOfferedThenWrittenInIt() {
        OutgoingMail mail = render("de", Map.of("name", "Ann"));

        assertThat(mail.subject()).isEqualTo("Willkommen bei BAR, Ann");
        assertThat(mail.text()).isEqualTo("Hallo Ann,\n\nIhr BAR-Konto ist bereit: https://bar.example/a?x=1&y=2 Noch 2 Abrufe."
                + "\n\nhttps://bar.example/a?x=1&y=2\n\nMehr: https://bar.example/more\n");
    }

    @Test
    void renderWhenLanguageNotOfferedOrNoneThenEnglish() {
        assertThat(render("tlh", Map.of("name", "Ann")).subject()).isEqualTo("Welcome to BAR, Ann");
        assertThat(render("pt-BR", Map.of("name", "Ann")).subject()).isEqualTo("Welcome to BAR, Ann");
        assertThat(texts.render(MAIL, null, "ann@example.com", Map.of("instance", "BAR", "link", "l", "more", "m",
                "count", 1, "name", "Ann")).text()).startsWith("Hello Ann,\n\nyour BAR account <b>is</b> ready: l 1 view is left.");
    }

    @Test
    void renderWhenNoNameThenAnonymousGreeting() {
        CatalogueMail mail = CatalogueMail.subject("mail.test.more").greeting();

        assertThat(texts.render(mail, "en", "ann@example.com", Map.of()).text()).isEqualTo("Hello there,\n");
    }

    @Test
    void renderThenHtmlEscapesTheCatalogueAndShowsLinksAsAnchors() {
        String html = render("en", Map.of("name", "Ann")).html();

        assertThat(html).isEqualTo("<p>Hello Ann,</p>"
                + "<p>your BAR account &lt;b&gt;is&lt;/b&gt; ready: <a href=\"https://bar.example/a?x=1&amp;y=2\">"
                + "https://bar.example/a?x=1&amp;y=2</a> 2 views are left.</p>"
                + "<p><a href=\"https://bar.example/a?x=1&amp;y=2\">Open it &amp; see</a></p>"
                + "<p><a href=\"https://bar.example/more\">See more</a></p>");
    }

    @Test
    void renderWhenValueHoldsMarkupPlaceholdersOrNewlinesThenItStaysOneLineOfText() {
        OutgoingMail mail = render("en", Map.of("name", "<script>{{link}}</script>\r\nBcc: evil@example.com"));

        assertThat(mail.subject()).doesNotContain("\n", "\r").contains("<script>{{link}}</script> Bcc");
        assertThat(mail.html()).contains("Hello &lt;script&gt;{{link}}&lt;/script&gt;").doesNotContain("<script>");
        assertThat(mail.text()).startsWith("Hello <script>{{link}}</script> Bcc: evil@example.com,\n\n");
    }

    @Test
    void renderWhenValueIsAPhraseThenItIsTheCatalogueTextInTheMailsLanguage() {
        CatalogueMail mail = CatalogueMail.subject("mail.test.subject");
        Map<String, Object> values = Map.of("instance", "BAR", "name", CatalogueMail.Phrase.of("mail.test.unknown"));

        assertThat(texts.render(mail, "de", "ann@example.com", values).subject()).isEqualTo("Willkommen bei BAR, ein unbekannter Browser");
        assertThat(texts.render(mail, "en", "ann@example.com", values).subject()).isEqualTo("Welcome to BAR, an unknown browser");
    }

    @Test
    void languageWhenOfferedOrNearOneThenThatElseEnglish() {
        assertThat(texts.language("de")).isEqualTo("de");
        assertThat(texts.language("de-AT")).as("the nearest offered").isEqualTo("de");
        assertThat(texts.language("fr")).isEqualTo("en");
        assertThat(texts.language(null)).isEqualTo("en");
    }

    @Test
    void renderWhenValueIsAMomentThenWrittenAsTheLanguageWritesADateAndTimeInUtc() {
        CatalogueMail mail = CatalogueMail.subject("mail.test.subject");
        Map<String, Object> values = Map.of("instance", "BAR", "name", java.time.Instant.parse("2026-12-05T18:46:00Z"));

        assertThat(texts.render(mail, "en", "ann@example.com", values).subject()).isEqualTo("Welcome to BAR, Dec 5, 2026, 6:46\u202fPM UTC");
        assertThat(texts.render(mail, "de", "ann@example.com", values).subject()).isEqualTo("Willkommen bei BAR, 5. Dez. 2026, 18:46 UTC");
    }
}
