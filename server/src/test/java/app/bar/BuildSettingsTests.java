package app.bar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Issue 13 items 11 and 15: what the build does for a newcomer, read from server/pom.xml and the
 * README. The README's run command starts the server in the repository root without compiling the
 * tests, so its data lands in ./data as with the jar; a test run leaves docs/screenshots alone and
 * runs the JavaScript tests as a JUnit test (skippable without Node), not as a build step.
 */
class BuildSettingsTests {

    private static Document pom;
    private static String readme;

    @BeforeAll
    static void read() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        pom = factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        readme = Files.readString(Path.of("../README.md"));
    }

    private static String pom(String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, pom).strip();
    }

    private static String readmeRunCommand() {
        Matcher m = Pattern.compile("(?m)^\\./mvnw .*spring-boot:run.*$").matcher(readme);
        assertThat(m.find()).as("a spring-boot:run command in the README").isTrue();
        return m.group();
    }

    @Test
    void springBootRunWhenStartedThenWorksInTheRepositoryRoot() throws Exception {
        assertThat(pom("/project/build/plugins/plugin[artifactId='spring-boot-maven-plugin']/configuration/workingDirectory"))
                .isEqualTo("${project.basedir}/..");
    }

    @Test
    void readmeRunCommandWhenRunThenCompilesNoTests() {
        assertThat(readmeRunCommand()).isEqualTo("./mvnw -pl server -Dmaven.test.skip=true spring-boot:run");
    }

    @Test
    void readmeWhenDescribingTheDataDirectoryThenNamesTheRootsData() {
        assertThat(readme).contains("`./data` in the repository root");
    }

    @Test
    void screenshotsWhenNotAskedThenWrittenUnderTarget() throws Exception {
        assertThat(pom("/project/properties/*[local-name()='bar.screenshots']")).isEqualTo("target");
        String embedded = "/project/build/plugins/plugin[artifactId='maven-failsafe-plugin']/executions/execution[id='default']"
                + "/configuration/systemPropertyVariables/*";
        assertThat(pom(embedded + "[local-name()='bar.screenshots']")).isEqualTo("${bar.screenshots}");
        assertThat(pom(embedded + "[local-name()='bar.screenshots.target']")).isEqualTo("${project.build.directory}/screenshots");
        assertThat(pom(embedded + "[local-name()='bar.screenshots.docs']")).isEqualTo("${project.basedir}/../docs/screenshots");
    }

    @Test
    void javascriptTestsWhenBuildRunsThenNoBuildStepNeedsNode() throws Exception {
        assertThat(pom("count(//plugin[artifactId='exec-maven-plugin'])")).isEqualTo("0");
        assertThat(Path.of("src/test/java/app/bar/web/JavaScriptTests.java")).exists();
    }
}
