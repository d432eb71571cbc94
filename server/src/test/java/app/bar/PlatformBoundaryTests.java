package app.bar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.platform.config.ProductionCheck;
import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code platform} knows no feature (STYLE.md "Layout"): none of its compiled classes holds a
 * route of another module or the name of another module's setting. What counts as another
 * module's is read from the code itself — the paths its controllers map, the settings its
 * {@code @ConfigurationProperties} bind, the variables {@code application*.yml} maps onto them —
 * and the platform's class files are searched constant by constant (paths and setting names are
 * string constants, so they are in the constant pool whatever code uses them).
 */
class PlatformBoundaryTests {

    private static final String PLATFORM = "app.bar.platform";
    private static final JavaClasses CLASSES = importMainClasses();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(BAR_[A-Z0-9_]+)");

    @Test
    void platformWhenScannedThenNoRouteOrSettingNameOfAnotherModule() {
        Features features = features();
        assertThat(features.contained).contains("/api/shares", "/api/auth", "/api/account", "/api/admin", "/api/webhooks",
                "bar.mail.", "bar.webhooks.", "bar.storage.", "bar.jwt.", "bar.crypto.", "BAR_SMTP_HOST", "BAR_BLOB_DIR",
                "BAR_JWT_KEYS", "bar.rate-limits.login", "BAR_RATELIMITS_SHAREUNLOCK");
        assertThat(features.whole).contains("login", "share-unlock", "forgot-password");

        noClasses().that().resideInAPackage(PLATFORM + "..").should(holdAny(features)).check(CLASSES);
    }

    @Test
    void holdAnyWhenAModuleHoldsItsOwnRoutesThenViolationNamesClassAndLiteral() {
        EvaluationResult result = noClasses().that().resideInAPackage("app.bar.account..").should(holdAny(features()))
                .evaluate(CLASSES);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains("AccountRoutes") && d.contains("/api/auth"));
    }

    @Test
    void productionChecksWhenListedInSpringFactoriesThenEveryImplementationIsThere() {
        Set<String> implementations = new TreeSet<>();
        CLASSES.get(ProductionCheck.class).getAllSubclasses().stream().filter(c -> !c.isInterface())
                .forEach(c -> implementations.add(c.getName()));

        assertThat(implementations).hasSizeGreaterThanOrEqualTo(7);
        assertThat(new TreeSet<>(SpringFactoriesLoader.loadFactoryNames(ProductionCheck.class, getClass().getClassLoader())))
                .isEqualTo(implementations);
    }

    /** BAR's own classes only: what they refer to outside {@code app.bar} is not needed here (and slow to resolve). */
    private static JavaClasses importMainClasses() {
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("app.bar");
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    /** Literals a platform constant must not contain, and names it must not be. */
    private record Features(Set<String> contained, Set<String> whole) {
    }

    private static Features features() {
        Set<String> contained = new TreeSet<>(List.of("/api/shares", "/api/auth", "/api/account", "/api/admin", "/api/webhooks"));
        Set<String> whole = new TreeSet<>();
        Set<String> platformPrefixes = new HashSet<>();
        Map<String, List<String>> modulePrefixes = new LinkedHashMap<>();
        for (JavaClass c : CLASSES) {
            Class<?> type = c.reflect();
            boolean platform = c.getPackageName().startsWith(PLATFORM);
            ConfigurationProperties properties = AnnotatedElementUtils.findMergedAnnotation(type, ConfigurationProperties.class);
            if (properties != null) {
                String prefix = properties.prefix().isEmpty() ? properties.value() : properties.prefix();
                if (platform) {
                    platformPrefixes.add(prefix);
                } else {
                    List<String> names = modulePrefixes.computeIfAbsent(prefix, p -> new ArrayList<>());
                    if (type.isRecord()) {
                        Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                                .map(PlatformBoundaryTests::kebab).forEach(names::add);
                    }
                }
            }
            if (!platform) {
                contained.addAll(mappedPaths(type));
            }
        }
        Set<String> groups = new TreeSet<>();
        modulePrefixes.forEach((prefix, names) -> {
            if (platformPrefixes.contains(prefix)) {
                // a prefix the platform binds too (bar.rate-limits): the module's own names under it
                for (String name : names) {
                    contained.add(prefix + "." + name);
                    contained.add(variable(prefix + "." + name));
                    whole.add(name);
                }
            } else {
                groups.add(prefix + ".");
                contained.add(prefix + ".");
                contained.add(variable(prefix) + "_");
            }
        });
        for (String file : List.of("application.yml", "application-prod.yml")) {
            flatten("", load(file), (key, value) -> {
                if (groups.stream().anyMatch(key::startsWith)) {
                    Matcher m = VARIABLE.matcher(value);
                    while (m.find()) {
                        contained.add(m.group(1));
                    }
                }
            });
        }
        return new Features(contained, whole);
    }

    /** Every path a controller maps (class and method mappings combined), cut before its first variable. */
    private static Set<String> mappedPaths(Class<?> type) {
        Set<String> paths = new TreeSet<>();
        RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
        List<String> bases = base == null || base.path().length == 0 ? List.of("") : List.of(base.path());
        for (Method method : type.getDeclaredMethods()) {
            RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
            if (mapping == null) {
                continue;
            }
            for (String prefix : bases) {
                for (String path : mapping.path().length == 0 ? new String[] {""} : mapping.path()) {
                    String literal = (prefix + path).replaceAll("[{*].*$", "").replaceAll("/+$", "");
                    if (literal.length() > 2) {
                        paths.add(literal);
                    }
                }
            }
        }
        return paths;
    }

    private static ArchCondition<JavaClass> holdAny(Features features) {
        return new ArchCondition<>("hold a route or setting name of another module") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (String constant : constants(javaClass)) {
                    features.contained.stream().filter(constant::contains).forEach(f -> events.add(SimpleConditionEvent
                            .satisfied(javaClass, javaClass.getName() + " holds \"" + constant + "\" (" + f + ")")));
                    if (features.whole.contains(constant)) {
                        events.add(SimpleConditionEvent.satisfied(javaClass, javaClass.getName() + " holds the name \"" + constant + "\""));
                    }
                }
            }
        };
    }

    /** The CONSTANT_Utf8 entries of a class file: its string constants, names and annotation values. */
    static Set<String> constants(JavaClass javaClass) {
        String resource = javaClass.getName().replace('.', '/') + ".class";
        try (InputStream in = PlatformBoundaryTests.class.getClassLoader().getResourceAsStream(resource)) {
            DataInputStream data = new DataInputStream(new ByteArrayInputStream(in.readAllBytes()));
            data.skipBytes(8); // magic, minor and major version
            int count = data.readUnsignedShort();
            Set<String> constants = new HashSet<>();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> constants.add(data.readUTF());
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipBytes(4);
                    case 5, 6 -> {
                        data.skipBytes(8);
                        i++; // long and double take two entries
                    }
                    case 7, 8, 16, 19, 20 -> data.skipBytes(2);
                    case 15 -> data.skipBytes(3);
                    default -> throw new IllegalStateException("unknown constant tag " + tag + " in " + resource);
                }
            }
            return constants;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Spring Boot's environment-variable form of a property: {@code bar.rate-limits.share-unlock} → {@code BAR_RATELIMITS_SHAREUNLOCK}. */
    private static String variable(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase(java.util.Locale.ROOT);
    }

    private static Map<String, Object> load(String file) {
        try (InputStream in = new ClassPathResource(file).getInputStream()) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, java.util.function.BiConsumer<String, String> each) {
        map.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(path, (Map<String, Object>) nested, each);
            } else if (value != null) {
                each.accept(path, value.toString());
            }
        });
    }
}
