package app.bar;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.platform.error.BarProblem;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The problem codes are an API (issue #10 item 3): every code constant of a {@code *Codes} class
 * in main code is in {@code docs/errors.md}, every code there is a constant, and no problem is
 * built without one.
 */
class ErrorCodesTests {

    private static final Path DOC = Path.of("..", "docs", "errors.md");
    /** A code in the first column of a table row: {@code | `area.what` |}. */
    private static final Pattern DOCUMENTED = Pattern.compile("(?m)^\\| `([a-z0-9_.]+)` \\|");
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("app.bar");

    @Test
    void codesWhenDeclaredThenDocumentedInErrorsMd() throws IOException {
        Set<String> documented = documented();
        assertThat(declared()).allSatisfy((code, where) ->
                assertThat(documented).as("%s (%s) in docs/errors.md", code, where).contains(code));
    }

    @Test
    void codesWhenDocumentedThenDeclared() throws IOException {
        assertThat(documented()).isSubsetOf(declared().keySet());
    }

    @Test
    void codesWhenDeclaredThenAreaDotWhatInSnakeCase() {
        assertThat(declared()).isNotEmpty().allSatisfy((code, where) ->
                assertThat(code).as(where).matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+"));
    }

    @Test
    void codesWhenDeclaredThenFoundInEveryModuleThatHasThem() {
        assertThat(declared().values()).anyMatch(w -> w.startsWith("ProblemCodes")).anyMatch(w -> w.startsWith("AccountCodes"))
                .anyMatch(w -> w.startsWith("SecurityCodes")).anyMatch(w -> w.startsWith("WebhookCodes"))
                .anyMatch(w -> w.startsWith("ShareCodes"));
    }

    @Test
    void barProblemWhenConstructedThenItsCodeIsNamedUnlessItHasOneMeaning() {
        // the code-less constructors are gone (issue #10): only problems of one meaning have no code argument
        Set<String> oneMeaning = Set.of("NotFound()", "PayloadTooLarge()", "RateLimited(Duration)");
        List<String> codeless = new ArrayList<>();
        for (Class<?> kind : allKinds(BarProblem.class)) {
            for (Constructor<?> constructor : kind.getConstructors()) {
                Class<?>[] parameters = constructor.getParameterTypes();
                String signature = kind.getSimpleName() + "(" + String.join(", ",
                        Arrays.stream(parameters).map(Class::getSimpleName).toList()) + ")";
                if (!oneMeaning.contains(signature) && (parameters.length < 2 || parameters[0] != String.class)) {
                    codeless.add(signature);
                }
            }
        }
        assertThat(codeless).as("constructors without a code").isEmpty();
    }

    private static List<Class<?>> allKinds(Class<?> type) {
        List<Class<?>> kinds = new ArrayList<>();
        if (!Modifier.isAbstract(type.getModifiers())) {
            kinds.add(type);
        }
        for (Class<?> sub : type.getPermittedSubclasses() == null ? new Class<?>[0] : type.getPermittedSubclasses()) {
            kinds.addAll(allKinds(sub));
        }
        return kinds;
    }

    /** Code → the constant that declares it. */
    private static Map<String, String> declared() {
        Map<String, String> codes = new TreeMap<>();
        for (JavaClass holder : MAIN) {
            if (!holder.getSimpleName().endsWith("Codes")) {
                continue;
            }
            for (Field field : holder.reflect().getDeclaredFields()) {
                if (field.getType() == String.class && Modifier.isStatic(field.getModifiers())
                        && Modifier.isFinal(field.getModifiers())) {
                    codes.put(value(field), holder.getSimpleName() + "." + field.getName());
                }
            }
        }
        return codes;
    }

    private static String value(Field field) {
        try {
            field.setAccessible(true);
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> documented() throws IOException {
        Set<String> codes = new TreeSet<>();
        Matcher m = DOCUMENTED.matcher(Files.readString(DOC));
        while (m.find()) {
            codes.add(m.group(1));
        }
        assertThat(codes).as("codes in %s", DOC).isNotEmpty();
        return codes;
    }
}
