package app.bar.platform.web;

import java.util.List;

/**
 * The route policies one module contributes, as one bean: the module that maps a route declares
 * its policy beside it, and {@link RouteTable} assembles every such bean (STYLE.md "Layout").
 */
public record RoutePolicies(List<RoutePolicy> routes) {

    public RoutePolicies {
        routes = List.copyOf(routes);
    }

    public static RoutePolicies of(RoutePolicy... routes) {
        return new RoutePolicies(List.of(routes));
    }
}
