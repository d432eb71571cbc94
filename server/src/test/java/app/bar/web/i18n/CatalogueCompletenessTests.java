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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every language BAR offers is complete (issue 17): exactly English's keys per area, the same
 * placeholders per key, plural objects with {@code other} and every category CLDR gives the
 * language, no empty text, keys sorted and inside their area ({@link Catalogues} checks each
 * language at start-up and offers only complete ones; this test says which are not, and why).
 * An area whose translation into a language has not landed yet is {@link #PENDING} as
 * {@code "<lang>/<area>"} (that language is not offered meanwhile); translations land in parallel,
 * so an entry whose area has become complete is not an error (it excuses nothing; the lead clears
 * such entries). And every key a page or module names exists.
 */
class CatalogueCompletenessTests {

    /**
     * {@code "<lang>/<area>"} still being translated. Whoever adds English keys to an area adds
     * that area here for every language whose translation it leaves behind; the translation's
     * commit removes it.
     */
    static final Set<String> PENDING = pending(List.of());

    /** Each of {@code areas} pending in each of {@code languages}. */
    private static Set<String> pending(List<String> areas, String... languages) {
        Set<String> pending = new TreeSet<>();
        for (String lang : languages) {
            areas.forEach(area -> pending.add(lang + "/" + area));
        }
        return Set.copyOf(pending);
    }

    private static final Pattern AREA = Pattern.compile("\\b(common|share|account|admin|chat|mail)[./]");

    private static final Catalogues CATALOGUES = Catalogues.load();
    private static final Path MAIN = Path.of("src/main/resources");

    @Test
    void languagesWhenNotPendingThenCompleteAndOffered() {
        Map<String, List<String>> incomplete = new TreeMap<>();
        CATALOGUES.problems().forEach((lang, problems) -> {
            for (String problem : problems) {
                Matcher area = AREA.matcher(problem);
                String pending = lang + "/" + (area.find() ? area.group(1) : "?");
                if (!PENDING.contains(pending)) {
                    incomplete.computeIfAbsent(lang, l -> new ArrayList<>()).add(problem);
                }
            }
        });
        assertThat(incomplete).as("languages with problems in their catalogues").isEmpty();
        assertThat(CATALOGUES.languages()).as("offered: the complete languages").containsExactlyElementsOf(
                Catalogues.LANGUAGES.stream().filter(lang -> CATALOGUES.problems().get(lang).isEmpty()).toList());
    }

    @Test
    void catalogueFilesWhenListedThenKnownLanguagesAndAreas() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN.resolve("i18n"))) {
            for (Path dir : dirs.toList()) {
                assertThat(Catalogues.LANGUAGES).as("i18n/%s", dir.getFileName()).contains(dir.getFileName().toString());
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.toList()) {
                        String name = file.getFileName().toString();
                        assertThat(name).as(file.toString()).endsWith(".json");
                        assertThat(Catalogues.AREAS).as(file.toString()).contains(name.substring(0, name.length() - 5));
                    }
                }
            }
        }
    }

    @Test
    void keysWhenNamedByPagesAndModulesThenInTheEnglishCatalogue() throws IOException {
        Set<String> english = new TreeSet<>();
        Catalogues.AREAS.forEach(area -> english.addAll(CATALOGUES.keys(area)));
        Set<String> missing = new TreeSet<>();
        Pattern pageKey = Pattern.compile("\\{\\{([a-z][a-z0-9_]*\\.[a-z0-9_.]+)[|}]");
        Pattern moduleKey = Pattern.compile("\\bt\\(\\s*'([a-z][a-z0-9_]*(?:\\.[a-z0-9_]+)+)'");
        for (Path file : files(MAIN.resolve("pages"), ".html")) {
            collect(pageKey, Files.readString(file, StandardCharsets.UTF_8), english, file, missing);
        }
        for (Path file : files(MAIN.resolve("static/js"), ".mjs")) {
            collect(moduleKey, Files.readString(file, StandardCharsets.UTF_8), english, file, missing);
        }
        assertThat(missing).as("keys used but not in i18n/en/*.json").isEmpty();
    }

    private static void collect(Pattern pattern, String text, Set<String> english, Path file, Set<String> missing) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (!english.contains(m.group(1))) {
                missing.add(file.getFileName() + ": " + m.group(1));
            }
        }
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
