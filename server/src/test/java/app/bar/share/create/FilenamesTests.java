package app.bar.share.create;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** ASVS 5.3.2 / 5.4.1: user filenames are download names only, never paths or header material. */
class FilenamesTests {

    @Test
    void sanitizeWhenPathTraversalThenLastSegmentOnly() {
        assertThat(Filenames.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Filenames.sanitize("..\\..\\windows\\win.ini")).isEqualTo("win.ini");
    }

    @Test
    void sanitizeWhenHiddenOrDotsOnlyThenLeadingDotsRemoved() {
        assertThat(Filenames.sanitize(".bashrc")).isEqualTo("bashrc");
        assertThat(Filenames.sanitize("..")).isEmpty();
    }

    @Test
    void sanitizeWhenControlAndBidiOverrideCharactersThenReplaced() {
        assertThat(Filenames.sanitize("a\r\nb\u0000c")).isEqualTo("a__b_c");
        assertThat(Filenames.sanitize("invoice\u202Efdp.exe")).isEqualTo("invoice_fdp.exe");
    }

    @Test
    void attachmentWhenUnicodeThenAsciiFallbackAndUtf8FilenameStar() {
        assertThat(Filenames.attachment("résumé 2024.pdf"))
                .isEqualTo("attachment; filename=\"r_sum_ 2024.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9%202024.pdf");
    }

    @Test
    void attachmentWhenQuotesAndSemicolonsThenNoHeaderParameterInjection() {
        String header = Filenames.attachment("a\"; filename=evil.html; x=\".txt");
        // quotes and semicolons become '_', so the name cannot close its parameter and start another
        assertThat(header).isEqualTo("attachment; filename=\"a__ filename=evil.html_ x=_.txt\"; "
                + "filename*=UTF-8''a__%20filename%3Devil.html_%20x%3D_.txt");
        assertThat(header.chars().filter(c -> c == '"').count()).isEqualTo(2);
    }

    @Test
    void sanitizeWhenLongNameWithSurrogatePairAtTheCutThenCutBetweenCodePointsAndValidUtf8() throws Exception {
        // issue #21 item 4: cutting at 200 UTF-16 units split the emoji and left half a surrogate pair
        String name = "a".repeat(199) + "\uD83D\uDE00" + "b.txt";

        String cut = Filenames.sanitize(name);

        assertThat(cut).isEqualTo("a".repeat(199) + "\uD83D\uDE00");
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(Filenames.MAX_LENGTH);
        StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT).encode(CharBuffer.wrap(cut));
    }

    @Test
    void sanitizeWhenLoneSurrogateThenReplaced() {
        assertThat(Filenames.sanitize("a\uD83Db\uDE00c.txt")).isEqualTo("a_b_c.txt");
    }

    @Test
    void attachmentWhenEmptyThenFallbackName() {
        assertThat(Filenames.attachment("/")).isEqualTo("attachment; filename=\"download\"; filename*=UTF-8''download");
    }
}
