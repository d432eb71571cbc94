package app.bar;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.platform.web.RouteTable;
import app.bar.support.BarIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the real application has a policy its module declared (STYLE.md "Layout"):
 * access and rate limit explicit, so none is open or unlimited by omission.
 */
@BarIntegrationTest
class RoutePoliciesIT {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Autowired
    RouteTable routes;

    @Test
    void handlerMappingsWhenWalkedThenEveryEndpointHasADeclaredPolicy() {
        assertThat(mapping.getHandlerMethods()).hasSizeGreaterThan(30);
        assertThat(RouteCoverage.undeclared(mapping.getHandlerMethods(), routes)).isEmpty();
    }
}
