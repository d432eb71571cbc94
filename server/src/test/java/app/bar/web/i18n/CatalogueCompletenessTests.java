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
 * Languages still being translated are {@link #PENDING}; a pending language that has become
 * complete fails too, so the list only shrinks. And every key a page or module names exists.
 */
class CatalogueCompletenessTests {

    /** Languages whose translation has not landed yet. */
    static final Set<String> PENDING = Set.of("de", "fr", "es", "it", "pt-BR", "nl", "pl", "uk", "tr", "ja", "zh-CN", "ar");

    private static final Catalogues CATALOGUES = Catalogues.load();
    private static final Path MAIN = Path.of("src/main/resources");

    @Test
    void languagesWhenNotPendingThenCompleteAndOffered() {
        Map<String, List<String>> incomplete = new TreeMap<>();
        List<String> completeButPending = new ArrayList<>();
        CATALOGUES.problems().forEach((lang, problems) -> {
            if (PENDING.contains(lang)) {
                if (problems.isEmpty()) {
                    completeButPending.add(lang);
                }
            } else if (!problems.isEmpty()) {
                incomplete.put(lang, problems);
            }
        });
        assertThat(incomplete).as("languages with problems in their catalogues").isEmpty();
        assertThat(completeButPending).as("complete languages still listed in CatalogueCompletenessTests.PENDING").isEmpty();
        assertThat(CATALOGUES.languages()).containsExactlyElementsOf(
                Catalogues.LANGUAGES.stream().filter(lang -> !PENDING.contains(lang)).toList());
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
