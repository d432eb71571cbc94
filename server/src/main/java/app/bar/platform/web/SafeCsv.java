package app.bar.platform.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CSV rows (RFC 4180) that a spreadsheet opens as data, never as formulas (OWASP "CSV Injection"):
 * a cell that starts with {@code = + - @}, a tab or a carriage return gets a leading {@code '},
 * and every cell with a comma, quote, line break or such a prefix is quoted, quotes doubled.
 * Written by hand: no CSV library is on the class path, and the common ones leave formula cells
 * as they are.
 */
public final class SafeCsv {

    private SafeCsv() {
    }

    /** One line, {@code \r\n}-terminated. */
    public static String row(List<? extends @Nullable Object> cells) {
        StringBuilder line = new StringBuilder(128);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    /** One cell: empty for null, neutralised and quoted as needed. */
    public static String cell(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        boolean formula = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
        if (formula) {
            text = "'" + text;
        }
        if (formula || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
