package app.bar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;

import app.bar.platform.ratelimit.RateLimit;
import app.bar.platform.web.Access;
import app.bar.platform.web.RoutePolicies;
import app.bar.platform.web.RoutePolicy;
import app.bar.platform.web.RouteTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/** The coverage check itself: it names what is undeclared and passes what is declared. */
class RouteCoverageTests {

    private final RouteTable table = new RouteTable(List.of(RoutePolicies.of(
            RoutePolicy.route(GET, "/m1/items/{id}", Access.anyone(), RateLimit.standard()))));

    @Test
    void undeclaredWhenEndpointHasNoPolicyThenNamedWithMethodAndHandler() throws Exception {
        Map<RequestMappingInfo, HandlerMethod> handlers = new LinkedHashMap<>();
        handlers.put(RequestMappingInfo.paths("/m1/items/{id:[0-9]{1,9}}").methods(RequestMethod.GET).build(), handler());
        handlers.put(RequestMappingInfo.paths("/m1/items/{id}").methods(RequestMethod.DELETE).build(), handler());
        handlers.put(RequestMappingInfo.paths("/m1/other").build(), handler());

        List<String> missing = RouteCoverage.undeclared(handlers, table);

        assertThat(missing).anyMatch(m -> m.startsWith("DELETE /m1/items/{id} (app.bar.RouteCoverageTests#toString)"))
                .anyMatch(m -> m.startsWith("GET /m1/other")).anyMatch(m -> m.startsWith("POST /m1/other"))
                .noneMatch(m -> m.startsWith("GET /m1/items"));
    }

    @Test
    void samplePathWhenRegexCaptureOrWildcardThenPlainSegments() {
        assertThat(RouteCoverage.samplePath("/s/{id:[A-Za-z0-9_-]{1,100}}")).isEqualTo("/s/v");
        assertThat(RouteCoverage.samplePath("/a/{x}/b/**")).isEqualTo("/a/v/b/v");
    }

    private HandlerMethod handler() throws NoSuchMethodException {
        return new HandlerMethod(this, Object.class.getMethod("toString"));
    }
}
