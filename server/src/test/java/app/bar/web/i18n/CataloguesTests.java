package app.bar.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CataloguesTests {

    private static final String EN = """
            {"common.hello": "Hello {name}", "common.views": {"one": "{count} view", "other": "{count} views"}}""";

    /** Complete catalogues for the languages the negotiation tests need (each with every key English has). */
    private final Catalogues catalogues = Catalogues.of(Map.of(
            "en", Map.of("common", EN),
            "de", Map.of("common", """
                    {"common.hello": "Hallo {name}", "common.views": {"one": "{count} Aufruf", "other": "{count} Aufrufe"}}"""),
            "pt-BR", Map.of("common", """
                    {"common.hello": "Olá {name}", "common.views": {"many": "{count} v", "one": "{count} v", "other": "{count} vs"}}"""),
            "zh-CN", Map.of("common", """
                    {"common.hello": "你好 {name}", "common.views": {"other": "{count} 次"}}"""),
            "pl", Map.of("common", """
                    {"common.hello": "Cześć {name}",
                     "common.views": {"few": "{count} wyświetlenia", "many": "{count} wyświetleń", "one": "{count} wyświetlenie",
                                      "other": "{count} wyświetlenia"}}"""),
            "ar", Map.of("common", """
                    {"common.hello": "مرحبا {name}",
                     "common.views": {"few": "{count} مشاهدات", "many": "{count} مشاهدة", "one": "مشاهدة واحدة", "other": "{count} مشاهدة",
                                      "two": "مشاهدتان", "zero": "لا مشاهدات"}}""")));

    @Test
    void languagesWhenCompleteThenOfferedEnglishFirstInBarsOrder() {
        assertThat(catalogues.languages()).containsExactly("en", "de", "pt-BR", "pl", "zh-CN", "ar");
    }

    @Test
    void negotiateWhenCookieNamesAnOfferedLanguageThenItWinsOverTheHeader() {
        assertThat(catalogues.negotiate("pl", "ar, en;q=0.5")).isEqualTo("pl");
        assertThat(catalogues.negotiate("xx", "ar")).isEqualTo("ar");
        assertThat(catalogues.negotiate("../../etc", null)).isEqualTo("en");
    }

    @Test
    void negotiateWhenAcceptLanguageThenBestOfferedByWeightAndPrimaryLanguage() {
        assertThat(catalogues.negotiate(null, "pt")).isEqualTo("pt-BR");
        assertThat(catalogues.negotiate(null, "pt-PT,pt;q=0.9")).isEqualTo("pt-BR");
        assertThat(catalogues.negotiate(null, "zh")).isEqualTo("zh-CN");
        assertThat(catalogues.negotiate(null, "zh-Hans-CN")).isEqualTo("zh-CN");
        assertThat(catalogues.negotiate(null, "fr-CH, fr;q=0.9, pl;q=0.8, en;q=0.7")).isEqualTo("pl");
        assertThat(catalogues.negotiate(null, "en;q=0.1, ar;q=0.9")).isEqualTo("ar");
        assertThat(catalogues.negotiate(null, "AR-eg")).isEqualTo("ar");
    }

    @Test
    void negotiateWhenNothingOfferedMatchesOrTheHeaderIsBrokenThenEnglish() {
        assertThat(catalogues.negotiate(null, "sv-SE, fi;q=0.5")).isEqualTo("en");
        assertThat(catalogues.negotiate(null, null)).isEqualTo("en");
        assertThat(catalogues.negotiate(null, "")).isEqualTo("en");
        assertThat(catalogues.negotiate(null, ";;;q=x")).isEqualTo("en");
        assertThat(catalogues.negotiate(null, "ar;q=0")).isEqualTo("en");
        assertThat(catalogues.negotiate("fr", "fr")).as("French is not offered").isEqualTo("en");
    }

    @Test
    void textWhenPluralThenTheLanguagesCldrCategory() {
        assertThat(catalogues.text("en", "common.views", Map.of("count", 1))).isEqualTo("1 view");
        assertThat(catalogues.text("en", "common.views", Map.of("count", 2))).isEqualTo("2 views");
        assertThat(catalogues.text("en", "common.views", Map.of("count", 1000))).isEqualTo("1,000 views");
        assertThat(catalogues.text("pl", "common.views", Map.of("count", 3))).isEqualTo("3 wyświetlenia");
        assertThat(catalogues.text("pl", "common.views", Map.of("count", 5))).isEqualTo("5 wyświetleń");
        assertThat(catalogues.text("pl", "common.views", Map.of("count", 22))).isEqualTo("22 wyświetlenia");
        assertThat(catalogues.text("ar", "common.views", Map.of("count", 0))).isEqualTo("لا مشاهدات");
        assertThat(catalogues.text("ar", "common.views", Map.of("count", 2))).isEqualTo("مشاهدتان");
        assertThat(catalogues.text("ar", "common.views", Map.of("count", 11))).startsWith("١١").endsWith("مشاهدة");
        assertThat(catalogues.text("zh-CN", "common.views", Map.of("count", 1))).isEqualTo("1 次");
    }

    @Test
    void textWhenPlaceholdersThenFilledAndNeverInterpreted() {
        assertThat(catalogues.text("en", "common.hello", Map.of("name", "<b>{count}</b> $1 \\"))).isEqualTo("Hello <b>{count}</b> $1 \\");
        assertThat(catalogues.text("pt-BR", "common.hello", Map.of("name", "Ana"))).isEqualTo("Olá Ana");
    }

    @Test
    void textWhenLanguageNotOfferedThenEnglish() {
        assertThat(catalogues.text("fr", "common.hello", Map.of("name", "x"))).isEqualTo("Hello x");
        assertThat(catalogues.text("xx", "common.hello", Map.of("name", "x"))).isEqualTo("Hello x");
    }

    @Test
    void textWhenUnknownKeyMissingArgumentOrNoCountThenRefused() {
        assertThatThrownBy(() -> catalogues.text("en", "common.nope", Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("common.nope");
        assertThatThrownBy(() -> catalogues.text("en", "common.hello", Map.of())).hasMessageContaining("name");
        assertThatThrownBy(() -> catalogues.text("en", "common.views", Map.of())).hasMessageContaining("count");
    }

    @Test
    void problemsWhenIncompleteOrMalformedThenNotOfferedAndSaidWhy() {
        Catalogues some = Catalogues.of(Map.of(
                "en", Map.of("common", EN),
                "de", Map.of("common", """
                        {"common.hello": "Hallo", "common.views": {"other": "{count} Aufrufe"}}"""),
                "fr", Map.of("common", "{\"common.hello\": \"Salut {name}\"}"),
                "it", Map.of("common", "{\"share.hello\": \"x\", \"common.hello\": \"\"}"),
                "nl", Map.of("common", "not json")));

        assertThat(some.languages()).containsExactly("en");
        assertThat(some.problems().get("de")).anyMatch(p -> p.contains("placeholders"))
                .anyMatch(p -> p.contains("plural categories [one, other]"));
        assertThat(some.problems().get("fr")).anyMatch(p -> p.contains("common.views is missing"));
        assertThat(some.problems().get("it")).anyMatch(p -> p.contains("share.hello"))
                .anyMatch(p -> p.contains("not sorted")).anyMatch(p -> p.contains("empty text"));
        assertThat(some.problems().get("nl")).anyMatch(p -> p.contains("not JSON"));
        assertThat(some.problems().get("ja")).containsExactly("no catalogue");
        assertThat(some.browserJson("de")).isNull();
    }

    @Test
    void ofWhenEnglishMalformedThenRefused() {
        assertThatThrownBy(() -> Catalogues.of(Map.of("en", Map.of("common", "{\"common.x\": 1}"))))
                .hasMessageContaining("English");
    }

    @Test
    void browserJsonWhenOfferedThenAllAreasButMailWithAStableEtag() {
        Catalogues withMail = Catalogues.of(Map.of("en", Map.of("common", EN, "mail", "{\"mail.otp.subject\": \"Your code\"}")));

        assertThat(new String(withMail.browserJson("en"), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"common.hello\":\"Hello {name}\",\"common.views\":{\"one\":\"{count} view\",\"other\":\"{count} views\"}}");
        assertThat(withMail.etag("en")).matches("\"[0-9a-f]{32}\"").isEqualTo(withMail.etag("en"));
        assertThat(withMail.text("en", "mail.otp.subject")).isEqualTo("Your code");
    }

    @Test
    void categoriesWhenCldrThenWhatEachLanguageNeeds() {
        assertThat(Catalogues.categories("en")).containsExactly("one", "other");
        assertThat(Catalogues.categories("ja")).containsExactly("other");
        assertThat(Catalogues.categories("pl")).containsExactlyInAnyOrder("one", "few", "many", "other");
        assertThat(Catalogues.categories("ar")).containsExactlyInAnyOrder("zero", "one", "two", "few", "many", "other");
    }
}
