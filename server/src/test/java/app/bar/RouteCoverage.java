package app.bar;

import app.bar.platform.web.RouteTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * Which mapped endpoints (method + pattern) have no declared route policy: each pattern is turned
 * into a path it would serve (every variable a plain segment) and looked up as a request would be.
 */
final class RouteCoverage {

    /** The methods an endpoint mapped without a method condition answers. */
    private static final List<RequestMethod> ALL = List.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);

    private RouteCoverage() {
    }

    static List<String> undeclared(Map<RequestMappingInfo, HandlerMethod> handlers, RouteTable routes) {
        List<String> missing = new ArrayList<>();
        handlers.forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? ALL : methods) {
                    if (routes.find(method.name(), samplePath(pattern)).isEmpty()) {
                        missing.add(method + " " + pattern + " (" + handler.getBeanType().getName() + "#"
                                + handler.getMethod().getName() + ")");
                    }
                }
            }
        });
        return missing;
    }

    /** {@code /s/{id:[a-z]{1,9}}/x/**} → {@code /s/v/x/v}: every capture and wildcard one plain segment. */
    static String samplePath(String pattern) {
        StringBuilder path = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{') {
                if (depth++ == 0) {
                    path.append('v');
                }
            } else if (c == '}') {
                depth--;
            } else if (depth == 0) {
                path.append(c);
            }
        }
        return path.toString().replace("**", "v").replace("*", "v");
    }
}
