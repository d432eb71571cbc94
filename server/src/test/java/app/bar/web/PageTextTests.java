package app.bar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bar.web.i18n.Catalogues;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageTextTests {

    private static final String EN = """
            {"common.a": "Tom & <Jerry> say \\"hi\\"", "common.footer": "after the {hash}, really",
             "common.language.name": "English", "common.views": {"one": "{count} view", "other": "{count} views"}}""";
    private static final String AR = """
            {"common.a": "مرحبا", "common.footer": "بعد {hash}", "common.language.name": "العربية",
             "common.views": {"few": "{count} x", "many": "{count} x", "one": "x", "other": "{count} x", "two": "x", "zero": "x"}}""";

    private final PageText text = new PageText(Catalogues.of(Map.of("en", Map.of("common", EN), "ar", Map.of("common", AR))));

    @Test
    void renderWhenKeysThenEscapedTextInTextAndAttributes() {
        assertThat(text.render("p", "<p title=\"{{common.a}}\">{{common.a}}</p>", "en"))
                .isEqualTo("<p title=\"Tom &amp; &lt;Jerry&gt; say &quot;hi&quot;\">Tom &amp; &lt;Jerry&gt; say &quot;hi&quot;</p>");
    }

    @Test
    void renderWhenLangDirAndLanguagesThenTagDirectionAndPickerOptions() {
        assertThat(text.render("p", "<html lang=\"{{lang}}\" dir=\"{{dir}}\"><select>{{languages}}</select>", "ar"))
                .isEqualTo("<html lang=\"ar\" dir=\"rtl\"><select><option value=\"en\" lang=\"en\">English</option>"
                        + "<option value=\"ar\" lang=\"ar\" selected>العربية</option></select>");
        assertThat(text.render("p", "{{dir}}", "en")).isEqualTo("ltr");
    }

    @Test
    void renderWhenPlaceholderThenThePagesMarkupInIt() {
        assertThat(text.render("p", "{{common.footer|hash=<span class=\"mono\">#</span>}}", "en"))
                .isEqualTo("after the <span class=\"mono\">#</span>, really");
    }

    @Test
    void renderWhenUnknownKeyPluralOrMissingMarkupThenRefused() {
        assertThatThrownBy(() -> text.render("p", "{{common.nope}}", "en")).hasMessageContaining("page p").hasMessageContaining("common.nope");
        assertThatThrownBy(() -> text.render("p", "{{common.views}}", "en")).hasMessageContaining("count");
        assertThatThrownBy(() -> text.render("p", "{{common.footer}}", "en")).hasMessageContaining("hash");
    }
}
