package app.bar.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No user text outside the catalogues (issue 17): the pages' text and user-facing attributes are
 * {@code {{key}}}s only, and the browser modules and the mail code hold no string literal that
 * reads like words for people ("letters and a space", or a capitalised word) outside an
 * allowlist of technical strings. A line may say why a literal is not user text with a comment
 * {@code i18n-ignore: <why>}; messages to the console are for developers.
 *
 * <p>Files still being converted are listed in {@link #PENDING}; a listed file that has become
 * clean fails too, so the list only shrinks.
 */
class HardCodedTextTests {

    /** Files not yet on the catalogues, by the area that converts them. */
    static final Set<String> PENDING = Set.of();

    /** Literals that look like words but are protocol, format or code names. */
    static final Set<String> TECHNICAL = Set.of(
            "Accept", "Content-Type", "Retry-After", "X-CSRF-Token", "ApiError", "Content-Disposition",
            "Content-Length", "Authorization", "If-None-Match", "X-Request-Id", "BAR");

    private static final Path MAIN = Path.of("src/main");
    /** The code that writes mails: the mails of each module and the mail module's writing and branding. */
    private static final Pattern MAIL_CODE =
            Pattern.compile(".*Mails\\.java|Mail(Template|Branding|Texts)\\.java|CatalogueMail\\.java");
    private static final Pattern TOKEN = Pattern.compile("\\{\\{[^{}]*\\}\\}");
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    private static final Pattern USER_ATTRIBUTE = Pattern.compile(
            "\\s(placeholder|aria-label|aria-description|aria-roledescription|aria-valuetext|title|alt|label|data-label)"
                    + "\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern META_CONTENT = Pattern.compile(
            "<meta\\s+(?:name=\"description\"|property=\"og:(?:title|description)\")\\s+content=\"([^\"]*)\"");

    @Test
    void pagesWhenScannedThenEveryTextIsACatalogueKey() throws IOException {
        assertClean(scan(List.of(MAIN.resolve("resources/pages")), ".html", HardCodedTextTests::htmlProblems));
    }

    @Test
    void modulesWhenScannedThenNoLiteralReadsAsUserText() throws IOException {
        assertClean(scan(List.of(MAIN.resolve("resources/static/js")), ".mjs", HardCodedTextTests::codeProblems));
    }

    @Test
    void mailCodeWhenScannedThenNoLiteralReadsAsUserText() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN.resolve("java"))) {
            List<Path> mailCode = files.filter(p -> MAIL_CODE.matcher(p.getFileName().toString()).matches()).toList();
            Map<String, List<String>> found = new TreeMap<>();
            for (Path file : mailCode) {
                List<String> problems = javaProblems(Files.readString(file, StandardCharsets.UTF_8));
                found.put(name(file), problems);
            }
            assertClean(found);
        }
    }

    private static void assertClean(Map<String, List<String>> found) {
        Map<String, List<String>> offending = new TreeMap<>();
        List<String> convertedButPending = new ArrayList<>();
        found.forEach((file, problems) -> {
            if (PENDING.contains(file)) {
                if (problems.isEmpty()) {
                    convertedButPending.add(file);
                }
            } else if (!problems.isEmpty()) {
                offending.put(file, problems);
            }
        });
        assertThat(offending).as("user text outside the catalogues (use a key, docs/i18n.md)").isEmpty();
        assertThat(convertedButPending).as("converted files still listed in HardCodedTextTests.PENDING: remove them")
                .isEmpty();
    }

    private interface Scanner {
        List<String> problems(String text);
    }

    private static Map<String, List<String>> scan(List<Path> dirs, String suffix, Scanner scanner) throws IOException {
        Map<String, List<String>> found = new TreeMap<>();
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(p -> p.toString().endsWith(suffix)).sorted().toList()) {
                    found.put(name(file), scanner.problems(Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        }
        return found;
    }

    /** "pages/index.html", "js/ui.mjs", "java/app/bar/mail/MailTemplate.java". */
    private static String name(Path file) {
        String path = file.toString().replace('\\', '/');
        for (String root : List.of("resources/pages/", "resources/static/js/", "main/java/")) {
            int at = path.indexOf(root);
            if (at >= 0) {
                String prefix = root.startsWith("resources/pages") ? "pages/" : root.startsWith("resources/static") ? "js/" : "java/";
                return prefix + path.substring(at + root.length());
            }
        }
        return path;
    }

    // --- HTML

    static List<String> htmlProblems(String html) {
        List<String> problems = new ArrayList<>();
        String text = TOKEN.matcher(html.replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<script\\b.*?</script>", ""))
                .replaceAll(" ");
        Matcher between = Pattern.compile(">([^<]*)<").matcher(text);
        while (between.find()) {
            words(between.group(1), "text", problems);
        }
        Matcher attribute = USER_ATTRIBUTE.matcher(text);
        while (attribute.find()) {
            words(attribute.group(2), attribute.group(1), problems);
        }
        Matcher meta = META_CONTENT.matcher(text);
        while (meta.find()) {
            words(meta.group(1), "meta content", problems);
        }
        return problems;
    }

    private static void words(String value, String where, List<String> problems) {
        String rest = TOKEN.matcher(value).replaceAll(" ");
        Matcher word = WORD.matcher(rest);
        while (word.find()) {
            if (!TECHNICAL.contains(word.group())) {
                problems.add(where + ": '" + value.strip() + "'");
                return;
            }
        }
    }

    // --- JavaScript and Java

    /** A literal reads as user text: two words with a space between, or a capitalised word. */
    static boolean userText(String literal) {
        String s = literal.strip();
        if (s.isEmpty() || TECHNICAL.contains(s) || s.matches("[A-Za-z0-9_-]+( [a-z0-9_]+(\\.[a-z0-9_]+)+)+")) {
            return false; // a field and its problem code: "expiresIn field.out_of_range"
        }
        return Pattern.compile("\\p{L}{2,}[,.;:!?]?\\s+\\p{L}").matcher(s).find()
                || Pattern.compile("(^|[^\\p{L}.#\\-_/])\\p{Lu}\\p{Ll}+").matcher(s).find();
    }

    static List<String> codeProblems(String source) {
        List<String> problems = new ArrayList<>();
        for (Literal literal : JsLiterals.of(source)) {
            if (literal.ignored() || literal.classContext() || !userText(literal.text())
                    || literal.before().matches("(?s).*console\\.\\w+\\([^;]*$")
                    // bar-format's container errors are for developers: the pages say share.open.decrypt_failed
                    || literal.before().matches("(?s).*new ContainerError\\([^;]*$")) {
                continue;
            }
            problems.add("line " + literal.line() + ": '" + literal.text() + "'");
        }
        return problems;
    }

    static List<String> javaProblems(String source) {
        List<String> problems = new ArrayList<>();
        for (Literal literal : JsLiterals.of(source)) {
            if (literal.ignored() || literal.quote() == '\'' || !userText(literal.text())) {
                continue;
            }
            // log messages, exception messages and annotations are for operators and developers
            if (literal.before().matches("(?s).*(log\\.\\w+|Exception|Error|@\\w+)\\s*\\([^;]*$")) {
                continue;
            }
            problems.add("line " + literal.line() + ": \"" + literal.text() + "\"");
        }
        return problems;
    }

    record Literal(String text, int line, char quote, String before, boolean ignored, boolean classContext) {
    }

    /**
     * The string literals of a JavaScript (or Java) source with comments, regular expressions and
     * template substitutions left out; enough of a tokenizer for BAR's own modules.
     */
    static final class JsLiterals {

        private JsLiterals() {
        }

        static List<Literal> of(String src) {
            List<Literal> out = new ArrayList<>();
            int i = 0;
            int n = src.length();
            char previous = '\n';
            while (i < n) {
                char c = src.charAt(i);
                if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                    i = lineEnd(src, i);
                } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                    int end = src.indexOf("*/", i + 2);
                    i = end < 0 ? n : end + 2;
                } else if (c == '/' && "(,=:[!&|?{};+\n".indexOf(previous) >= 0) {
                    i = regexEnd(src, i);
                    previous = 'x';
                } else if (src.startsWith("\"\"\"", i)) {
                    int end = src.indexOf("\"\"\"", i + 3);
                    end = end < 0 ? n : end;
                    String before = src.substring(Math.max(0, i - 200), i);
                    out.add(new Literal(src.substring(i + 3, end), lineNumber(src, i), '"', before, false, false));
                    i = end + 3;
                    previous = 'x';
                } else if (c == '\'' || c == '"' || c == '`') {
                    StringBuilder text = new StringBuilder();
                    int start = i;
                    i++;
                    while (i < n && src.charAt(i) != c) {
                        char d = src.charAt(i);
                        if (d == '\\' && i + 1 < n) {
                            text.append(src.charAt(i + 1));
                            i += 2;
                        } else if (c == '`' && d == '$' && i + 1 < n && src.charAt(i + 1) == '{') {
                            i = braceEnd(src, i + 1);
                            text.append(' ');
                        } else if (c != '`' && d == '\n') {
                            break;
                        } else {
                            text.append(d);
                            i++;
                        }
                    }
                    i++;
                    int lineStart = src.lastIndexOf('\n', start) + 1;
                    String line = src.substring(lineStart, lineEnd(src, start));
                    String before = src.substring(Math.max(0, start - 200), start);
                    boolean classContext = before.matches("(?s).*(\\bclass['\"]?\\s*:|className\\s*=|classList\\.\\w+\\()\\s*$");
                    out.add(new Literal(text.toString(), lineNumber(src, start), c, before, line.contains("i18n-ignore"),
                            classContext));
                    previous = 'x';
                } else {
                    if (!Character.isWhitespace(c) || c == '\n') {
                        previous = c;
                    }
                    i++;
                }
            }
            return out;
        }

        private static int lineEnd(String src, int from) {
            int end = src.indexOf('\n', from);
            return end < 0 ? src.length() : end;
        }

        private static int regexEnd(String src, int start) {
            int i = start + 1;
            boolean inClass = false;
            while (i < src.length()) {
                char c = src.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '\n') {
                    return i;
                }
                if (c == '[') {
                    inClass = true;
                } else if (c == ']') {
                    inClass = false;
                } else if (c == '/' && !inClass) {
                    return i + 1;
                }
                i++;
            }
            return i;
        }

        /** The index after the '}' that closes the '{' at {@code open}, skipping nested strings. */
        private static int braceEnd(String src, int open) {
            int depth = 0;
            int i = open;
            while (i < src.length()) {
                char c = src.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                } else if (c == '\'' || c == '"' || c == '`') {
                    int j = i + 1;
                    while (j < src.length() && src.charAt(j) != c) {
                        j += src.charAt(j) == '\\' ? 2 : 1;
                    }
                    i = j;
                }
                i++;
            }
            return i;
        }

        private static int lineNumber(String src, int at) {
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (src.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
