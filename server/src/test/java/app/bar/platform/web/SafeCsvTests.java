package app.bar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV rows a spreadsheet reads as data (OWASP CSV injection), quoted per RFC 4180. */
class SafeCsvTests {

    @Test
    void cellWhenStartsWithFormulaCharacterThenPrefixedWithQuoteAndQuoted() {
        assertThat(SafeCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(SafeCsv.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(SafeCsv.cell("-2")).isEqualTo("\"'-2\"");
        assertThat(SafeCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(SafeCsv.cell("\tcmd")).isEqualTo("\"'\tcmd\"");
    }

    @Test
    void cellWhenPlainThenAsIsAndWhenSeparatorOrQuoteThenQuoted() {
        assertThat(SafeCsv.cell("share.opened")).isEqualTo("share.opened");
        assertThat(SafeCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(SafeCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(SafeCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(SafeCsv.cell(null)).isEmpty();
    }

    @Test
    void rowWhenCellsThenCommaSeparatedAndCrLfTerminated() {
        assertThat(SafeCsv.row(Arrays.asList("a", null, 3, "=1"))).isEqualTo("a,,3,\"'=1\"\r\n");
        assertThat(SafeCsv.row(List.of())).isEqualTo("\r\n");
    }
}
