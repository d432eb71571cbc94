package app.bar.share.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.bar.platform.error.BarProblem;
import org.junit.jupiter.api.Test;

/** The rules of an owner's share label (issue 13 item 9). */
class ShareLabelsTests {

    private static BarProblem.Invalid refused(String label) {
        return catchThrowableOfType(BarProblem.Invalid.class, () -> ShareLabels.validate(label));
    }

    @Test
    void validateWhenNullOrBlankThenNoLabel() {
        assertThat(ShareLabels.validate(null)).isNull();
        assertThat(ShareLabels.validate(" \t ")).isNull();
    }

    @Test
    void validateWhenPaddedAndDecomposedThenTrimmedAndNfc() {
        assertThat(ShareLabels.validate("  Cafe\u0301 keys  ")).isEqualTo("Caf\u00e9 keys");
    }

    @Test
    void validateWhenHundredCharactersOutsideTheBmpThenKeptBecauseCharactersAreCounted() {
        String hundred = "\uD83D\uDD11".repeat(100); // 100 key emoji, 200 UTF-16 units
        assertThat(ShareLabels.validate(hundred)).isEqualTo(hundred);
    }

    @Test
    void validateWhenMoreThanHundredCharactersThenFieldSizeNamingLabel() {
        BarProblem.Invalid problem = refused("x".repeat(101));
        assertThat(problem.field()).isEqualTo("label");
        assertThat(problem.fieldCode()).isEqualTo("field.size");
    }

    @Test
    void validateWhenControlOrBidiOverrideCharactersThenFieldFormat() {
        for (String bad : new String[] {"a\nb", "a\u0000b", "evil\u202Egpj.exe", "zero\u200Bwidth"}) {
            BarProblem.Invalid problem = refused(bad);
            assertThat(problem.field()).isEqualTo("label");
            assertThat(problem.fieldCode()).as(bad).isEqualTo("field.format");
        }
    }
}
