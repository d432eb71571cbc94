package bartest.probe;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoints (outside {@code app.bar}, so component scanning never finds them) under {@code /api/test-probe} that exercise the platform: a JSON endpoint
 * with validation, and one that fails like a bug. Import it where needed;
 * the nested controller is registered as a member class of this configuration.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProbeEndpoints {

    public static final String BUG_MESSAGE = "jdbc:postgresql://db/secret-internal-detail";

    public record ProbeRequest(@NotBlank @Size(max = 20) String name, @Max(10) int count, String password,
            List<Tag> tags) {
    }

    public record Tag(String label) {
    }

    @RestController
    static class ProbeController {

        @PostMapping(path = "/api/test-probe", consumes = "application/json")
        Map<String, Object> echo(@Valid @RequestBody ProbeRequest request) {
            return Map.of("name", request.name(), "count", request.count());
        }

        @GetMapping("/api/test-probe/page")
        Map<String, Object> page(@RequestParam int page) {
            return Map.of("page", page);
        }

        @GetMapping("/api/test-probe/bug")
        Map<String, Object> bug() {
            throw new IllegalStateException(BUG_MESSAGE);
        }
    }
}
