package app.bar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The language the CLI asks the server to mail in, from the POSIX locale variables. */
class IoLanguageTests {

    private static String language(Map<String, String> env) {
        PrintStream sink = new PrintStream(PrintStream.nullOutputStream());
        return new Io(new ByteArrayInputStream(new byte[0]), sink, sink, env, Terminal.NONE, Prompter.system(Terminal.NONE)).language();
    }

    @Test
    void languageWhenLangHasTerritoryAndCharsetThenTheTag() {
        assertThat(language(Map.of("LANG", "de_DE.UTF-8"))).isEqualTo("de-DE");
        assertThat(language(Map.of("LANG", "pt_BR.utf8@euro"))).isEqualTo("pt-BR");
    }

    @Test
    void languageWhenLcAllOrLcMessagesSetThenTheyWinOverLang() {
        assertThat(language(Map.of("LANG", "de_DE.UTF-8", "LC_MESSAGES", "fr_FR.UTF-8"))).isEqualTo("fr-FR");
        assertThat(language(Map.of("LANG", "de_DE.UTF-8", "LC_MESSAGES", "fr_FR", "LC_ALL", "ja_JP.UTF-8"))).isEqualTo("ja-JP");
    }

    @Test
    void languageWhenTheLauncherKeptItInBarLocaleThenThatWins() {
        // bin/bar runs the JVM in C.UTF-8 when the locale is not UTF-8 and keeps the language here
        assertThat(language(Map.of("BAR_LOCALE", "de_DE", "LC_CTYPE", "C.UTF-8"))).isEqualTo("de-DE");
        assertThat(language(Map.of("BAR_LOCALE", "fr_FR.ISO-8859-1", "LANG", "C.UTF-8"))).isEqualTo("fr-FR");
    }

    @Test
    void languageWhenCPosixUnsetOrNotALocaleThenNone() {
        assertThat(language(Map.of("LANG", "C.UTF-8"))).isNull();
        assertThat(language(Map.of("LC_ALL", "POSIX"))).isNull();
        assertThat(language(Map.of())).isNull();
        assertThat(language(Map.of("LANG", "de;DROP\r\nX"))).isNull();
    }
}
