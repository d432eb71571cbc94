package app.bar.web.i18n;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The message catalogues of pages, browser modules and mails (issue 17, docs/i18n.md): one flat
 * JSON object per language and area under {@code i18n/<lang>/<area>.json}, keys
 * {@code <area>.<place>.<meaning>}, values a text with named placeholders ({@code {name}}) or a
 * plural object keyed by CLDR category ({@code {"one": "{count} view", "other": "{count} views"}}).
 *
 * <p>Loaded once at start-up. English is the reference: a malformed English file fails the start.
 * Another language is offered only when it is complete — exactly English's keys, the same
 * placeholders per key, every plural category the language needs, no empty text; otherwise it is
 * left out with a warning (a translation in progress is "pending", never half shown).
 *
 * <p>Plural categories come from ICU4J's {@link PluralRules} (CLDR data; the JDK has no plural
 * rules), the same rules the browser's {@code Intl.PluralRules} applies to the same catalogue.
 */
public final class Catalogues {

    /** The reference language, offered first and the fallback of every lookup. */
    public static final String ENGLISH = "en";
    /** Every language BAR has catalogues for, as BCP 47 tags (the directory names). */
    public static final List<String> LANGUAGES =
            List.of("en", "de", "fr", "es", "it", "pt-BR", "nl", "pl", "uk", "tr", "ja", "zh-CN", "ar");
    /** The areas; {@code mail} stays on the server (not in {@link #browserJson}). */
    public static final List<String> AREAS = List.of("common", "share", "account", "admin", "chat", "request", "mail");
    /** The cookie the language picker sets. */
    public static final String COOKIE = "bar_lang";

    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*)\\}");
    private static final Set<String> CATEGORIES = Set.of("zero", "one", "two", "few", "many", "other");
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar");
    private static final Logger log = LoggerFactory.getLogger(Catalogues.class);

    /** lang → area → key → value (a String or a sorted Map of category → String). */
    private final Map<String, Map<String, Map<String, Object>>> catalogues;
    /** lang → key → value, all areas. */
    private final Map<String, Map<String, Object>> messages = new TreeMap<>();
    private final Map<String, List<String>> problems = new TreeMap<>();
    private final List<String> offered = new ArrayList<>();
    private final Map<String, byte[]> browserJson = new TreeMap<>();
    private final Map<String, String> etags = new TreeMap<>();

    private Catalogues(Map<String, Map<String, Map<String, Object>>> catalogues, Map<String, List<String>> fileProblems) {
        this.catalogues = catalogues;
        Map<String, Map<String, Object>> english = catalogues.get(ENGLISH);
        List<String> englishProblems = fileProblems.getOrDefault(ENGLISH, List.of());
        if (english == null || english.isEmpty() || !englishProblems.isEmpty()) {
            throw new IllegalStateException("the English catalogues (i18n/en/*.json) are missing or malformed: " + englishProblems);
        }
        for (String lang : LANGUAGES) {
            List<String> found = new ArrayList<>(fileProblems.getOrDefault(lang, List.of()));
            if (!catalogues.containsKey(lang)) {
                found.add("no catalogue");
            } else if (!lang.equals(ENGLISH)) {
                found.addAll(compare(lang, english, catalogues.get(lang)));
            }
            problems.put(lang, List.copyOf(found));
            Map<String, Object> all = new TreeMap<>();
            catalogues.getOrDefault(lang, Map.of()).values().forEach(all::putAll);
            messages.put(lang, all);
            if (found.isEmpty()) {
                offered.add(lang);
                byte[] json = browserJson(catalogues.get(lang));
                browserJson.put(lang, json);
                etags.put(lang, etag(json));
            } else if (catalogues.containsKey(lang)) {
                log.warn("language {} is not offered: {} problem(s) in its catalogues, the first: {}", lang, found.size(),
                        found.get(0));
            }
        }
    }

    /** The catalogues under {@code i18n/} on the class path. */
    public static Catalogues load() {
        Map<String, Map<String, String>> files = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*/*.json")) {
                String path = resource.getURL().getPath();
                String[] parts = path.substring(path.lastIndexOf("/i18n/") + "/i18n/".length()).split("/");
                if (parts.length == 2) {
                    files.computeIfAbsent(parts[0], l -> new TreeMap<>())
                            .put(parts[1].substring(0, parts[1].length() - ".json".length()),
                                    resource.getContentAsString(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalogues under i18n/", e);
        }
        return of(files);
    }

    /** Catalogues from file texts: lang → area → the file's JSON. */
    public static Catalogues of(Map<String, Map<String, String>> files) {
        JsonMapper json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        Map<String, Map<String, Map<String, Object>>> catalogues = new TreeMap<>();
        Map<String, List<String>> problems = new TreeMap<>();
        files.forEach((lang, areas) -> {
            if (!LANGUAGES.contains(lang)) {
                log.warn("i18n/{}/ is not a language BAR offers ({}); ignored", lang, LANGUAGES);
                return;
            }
            Map<String, Map<String, Object>> parsed = new TreeMap<>();
            areas.forEach((area, text) -> {
                List<String> found = problems.computeIfAbsent(lang, l -> new ArrayList<>());
                if (!AREAS.contains(area)) {
                    found.add("i18n/" + lang + "/" + area + ".json: not an area " + AREAS);
                    return;
                }
                parsed.put(area, parse(json, lang + "/" + area, area, text, found));
            });
            catalogues.put(lang, parsed);
        });
        return new Catalogues(catalogues, problems);
    }

    private static Map<String, Object> parse(JsonMapper json, String file, String area, String text, List<String> problems) {
        Map<String, Object> values = new TreeMap<>();
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            problems.add("i18n/" + file + ".json: not JSON (" + e.getOriginalMessage() + ")");
            return values;
        }
        if (root == null || !root.isObject()) {
            problems.add("i18n/" + file + ".json: not one JSON object");
            return values;
        }
        List<String> order = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String key = entry.getKey();
            order.add(key);
            String where = "i18n/" + file + ".json: " + key;
            if (!KEY.matcher(key).matches() || !key.startsWith(area + ".")) {
                problems.add(where + ": a key is '" + area + ".<place>.<meaning>' in lower case, dots and underscores");
                continue;
            }
            JsonNode value = entry.getValue();
            if (value.isString()) {
                values.put(key, value.asString());
            } else if (value.isObject()) {
                Map<String, String> forms = new TreeMap<>();
                for (Map.Entry<String, JsonNode> form : value.properties()) {
                    if (!CATEGORIES.contains(form.getKey()) || !form.getValue().isString()) {
                        problems.add(where + ": a plural object maps " + CATEGORIES + " to texts");
                    } else {
                        forms.put(form.getKey(), form.getValue().asString());
                    }
                }
                if (!forms.containsKey("other")) {
                    problems.add(where + ": a plural object needs 'other'");
                }
                values.put(key, Collections.unmodifiableMap(forms));
            } else {
                problems.add(where + ": a value is a text or a plural object");
            }
        }
        List<String> sorted = new ArrayList<>(order);
        Collections.sort(sorted);
        if (!sorted.equals(order)) {
            problems.add("i18n/" + file + ".json: keys are not sorted");
        }
        values.forEach((key, value) -> texts(value).forEach(t -> {
            if (t.isBlank()) {
                problems.add("i18n/" + file + ".json: " + key + ": empty text");
            }
        }));
        return values;
    }

    /** What keeps {@code lang} from being complete against English. */
    private static List<String> compare(String lang, Map<String, Map<String, Object>> english,
            Map<String, Map<String, Object>> other) {
        List<String> found = new ArrayList<>();
        Set<String> needed = categories(lang);
        for (String area : new TreeSet<>(unionKeys(english.keySet(), other.keySet()))) {
            Map<String, Object> en = english.getOrDefault(area, Map.of());
            Map<String, Object> it = other.getOrDefault(area, Map.of());
            for (String key : unionKeys(en.keySet(), it.keySet())) {
                Object reference = en.get(key);
                Object value = it.get(key);
                if (reference == null) {
                    found.add(lang + ": " + key + " is not an English key");
                } else if (value == null) {
                    found.add(lang + ": " + key + " is missing");
                } else if (reference instanceof Map<?, ?> != value instanceof Map<?, ?>) {
                    found.add(lang + ": " + key + (reference instanceof Map<?, ?> ? " must be" : " must not be")
                            + " a plural object, as in English");
                } else {
                    if (value instanceof Map<?, ?> forms && !forms.keySet().containsAll(needed)) {
                        found.add(lang + ": " + key + " needs the plural categories " + needed + ", has " + forms.keySet());
                    }
                    Set<String> want = placeholders(reference);
                    for (String text : texts(value)) {
                        Set<String> have = placeholders(text);
                        // a plural form may leave out {count} ("one": "a view"); no other placeholder may differ
                        Set<String> wantHere = new TreeSet<>(want);
                        if (value instanceof Map<?, ?>) {
                            wantHere.remove("count");
                            have.remove("count");
                        }
                        if (!have.equals(wantHere)) {
                            found.add(lang + ": " + key + " has the placeholders " + have + ", English " + want);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static Set<String> unionKeys(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(Object value) {
        return value instanceof Map<?, ?> forms ? List.copyOf(((Map<String, String>) forms).values()) : List.of((String) value);
    }

    private static Set<String> placeholders(Object value) {
        Set<String> names = new TreeSet<>();
        for (String text : texts(value)) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The plural categories CLDR gives {@code lang} for whole numbers and fractions ({@code other} always). */
    public static Set<String> categories(String lang) {
        return new TreeSet<>(rules(lang).getKeywords());
    }

    private static PluralRules rules(String lang) {
        return PluralRules.forLocale(ULocale.forLanguageTag(lang));
    }

    /** The languages offered (complete), English first. */
    public List<String> languages() {
        return List.copyOf(offered);
    }

    /** Why each language is or is not offered: lang → problems (empty when offered). */
    public Map<String, List<String>> problems() {
        return Collections.unmodifiableMap(problems);
    }

    /** The keys of {@code area} in English. */
    public Set<String> keys(String area) {
        return Collections.unmodifiableSet(catalogues.get(ENGLISH).getOrDefault(area, Map.of()).keySet());
    }

    public boolean rightToLeft(String lang) {
        return RIGHT_TO_LEFT.contains(lang);
    }

    /**
     * The text of {@code key} in {@code lang} (English where the language is not offered), its
     * placeholders replaced by {@code args} (numbers formatted for the language); a plural text
     * picked by {@code args.get("count")}.
     *
     * @throws IllegalArgumentException for a key English does not have, or a placeholder without an argument
     */
    public String text(String lang, String key, Map<String, ?> args) {
        String language = offered.contains(lang) ? lang : ENGLISH;
        Object value = messages.get(language).get(key);
        if (value == null) {
            throw new IllegalArgumentException("no text for the key " + key);
        }
        if (value instanceof Map<?, ?> forms) {
            Object count = args.get("count");
            if (!(count instanceof Number number)) {
                throw new IllegalArgumentException(key + " is a plural text and needs a number 'count'");
            }
            String category = rules(language).select(number.doubleValue());
            Object form = forms.get(category);
            value = form != null ? form : forms.get("other");
        }
        return fill(language, key, (String) value, args);
    }

    public String text(String lang, String key) {
        return text(lang, key, Map.of());
    }

    /** The raw value of {@code key} in {@code lang}: a String, a Map of plural forms, or null. */
    @Nullable Object value(String lang, String key) {
        return messages.getOrDefault(lang, Map.of()).get(key);
    }

    private static String fill(String lang, String key, String text, Map<String, ?> args) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object arg = args.get(m.group(1));
            if (arg == null) {
                throw new IllegalArgumentException(key + " needs the argument " + m.group(1));
            }
            String shown = arg instanceof Number n ? NumberFormat.getInstance(Locale.forLanguageTag(lang)).format(n)
                    : String.valueOf(arg);
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The language to answer in: the picker's cookie when it names an offered language, else the
     * first range of {@code Accept-Language} (by weight) whose tag or primary language an offered
     * language has ({@code pt} and {@code pt-PT} → {@code pt-BR}, {@code zh} and {@code zh-Hans} →
     * {@code zh-CN}, {@code de-AT} → {@code de}), else English.
     */
    public String negotiate(@Nullable String cookie, @Nullable String acceptLanguage) {
        if (cookie != null && offered.contains(cookie)) {
            return cookie;
        }
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 1000) {
            return ENGLISH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return ENGLISH;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String tag = range.getRange().toLowerCase(Locale.ROOT);
            for (String lang : offered) {
                if (lang.toLowerCase(Locale.ROOT).equals(tag)) {
                    return lang;
                }
            }
            String primary = primary(tag);
            for (String lang : offered) {
                if (primary(lang.toLowerCase(Locale.ROOT)).equals(primary)) {
                    return lang;
                }
            }
        }
        return ENGLISH;
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }

    /** All areas but {@code mail} of an offered language, as one flat JSON object (UTF-8); null when not offered. */
    public byte @Nullable [] browserJson(String lang) {
        byte[] json = browserJson.get(lang);
        return json == null ? null : json.clone();
    }

    /** A strong ETag of {@link #browserJson}; null when not offered. */
    public @Nullable String etag(String lang) {
        return etags.get(lang);
    }

    private static byte[] browserJson(Map<String, Map<String, Object>> areas) {
        Map<String, Object> merged = new TreeMap<>();
        areas.forEach((area, values) -> {
            if (!area.equals("mail")) {
                merged.putAll(values);
            }
        });
        return JsonMapper.builder().build().writeValueAsBytes(new LinkedHashMap<>(merged));
    }

    private static String etag(byte[] json) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
