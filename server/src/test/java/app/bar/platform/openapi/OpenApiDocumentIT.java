package app.bar.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue #14 item 8: the OpenAPI 3.1 document is generated from the controllers, and
 * docs/openapi.json is that document. A controller change that is not reflected there fails this
 * test; regenerate with
 * {@code ./mvnw -pl server verify -Dit.test=OpenApiDocumentIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dbar.openapi.regenerate=true}.
 */
@BarIntegrationTest
@TestPropertySource(properties = "springdoc.api-docs.enabled=true")
class OpenApiDocumentIT {

    static final Path CHECKED_IN = Path.of("../docs/openapi.json");

    @LocalServerPort
    int port;

    @Test
    void apiDocsWhenEnabledThenIsTheCheckedInDocument() throws Exception {
        var response = new TestHttp(port).get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode served = TestHttp.JSON.readTree(response.body());
        if (Boolean.getBoolean("bar.openapi.regenerate")) {
            Files.writeString(CHECKED_IN, TestHttp.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n",
                    StandardCharsets.UTF_8);
        }
        JsonNode checkedIn = TestHttp.JSON.readTree(Files.readString(CHECKED_IN, StandardCharsets.UTF_8));
        assertThat(served).as("docs/openapi.json is out of date: regenerate it (see this test's comment)").isEqualTo(checkedIn);
    }

    @Test
    void apiDocsWhenGeneratedThenOpenApi31WithTheShareAndAccountRoutes() throws Exception {
        JsonNode document = TestHttp.JSON.readTree(new TestHttp(port).get("/v3/api-docs").body());
        assertThat(document.path("openapi").asString()).startsWith("3.1");
        List<String> paths = new java.util.ArrayList<>();
        document.path("paths").propertyNames().forEach(paths::add);
        assertThat(paths).contains("/api/shares", "/api/shares/{id}", "/api/shares/{id}/unlock", "/api/shares/{id}/content",
                "/api/auth/login", "/api/account/tokens").noneMatch(p -> p.startsWith("/actuator") || p.startsWith("/s/"));
        assertThat(document.path("servers").get(0).path("url").asString()).as("no host or port of the test").isEqualTo("/");
    }
}
