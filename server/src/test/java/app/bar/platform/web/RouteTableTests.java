package app.bar.platform.web;

import static app.bar.platform.ratelimit.RateLimit.none;
import static app.bar.platform.ratelimit.RateLimit.perCaller;
import static app.bar.platform.ratelimit.RateLimit.standard;
import static app.bar.platform.web.RoutePolicy.anyMethod;
import static app.bar.platform.web.RoutePolicy.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import app.bar.platform.ratelimit.RateLimit;
import app.bar.platform.ratelimit.RatePolicy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RouteTableTests {

    private final RoutePolicy accountAll = anyMethod("/m1/account/**", Access.session(), standard());
    private final RoutePolicy accountRead = route(GET, "/m1/account", Access.scope("account:read"), standard());
    private final RoutePolicy webhook = anyMethod("/m1/account/webhook/**", Access.session(), none());
    private final RoutePolicy login = route(POST, "/m1/login", Access.anyone(), perCaller("login", RatePolicy.of("5/1m")))
            .sessionless();

    @Test
    void findWhenPatternsOverlapThenMostSpecificWinsWhateverTheModuleOrder() {
        RouteTable table = new RouteTable(List.of(RoutePolicies.of(accountAll, accountRead), RoutePolicies.of(webhook)));

        assertThat(table.find("GET", "/m1/account/webhook/deliveries")).containsSame(webhook);
        assertThat(table.find("PUT", "/m1/account/webhook")).containsSame(webhook);
        assertThat(table.find("GET", "/m1/account/sessions")).containsSame(accountAll);
    }

    @Test
    void findWhenSamePatternThenMethodSpecificBeforeAnyMethod() {
        RouteTable table = new RouteTable(List.of(RoutePolicies.of(accountAll), RoutePolicies.of(accountRead)));

        assertThat(table.find("GET", "/m1/account")).containsSame(accountRead);
        assertThat(table.find("DELETE", "/m1/account")).containsSame(accountAll);
    }

    @Test
    void findWhenHeadThenTheGetRoute() {
        RouteTable table = new RouteTable(List.of(RoutePolicies.of(accountRead)));

        assertThat(table.find("HEAD", "/m1/account")).containsSame(accountRead);
        assertThat(table.find("POST", "/m1/account")).isEmpty();
    }

    @Test
    void rateLimitWhenUndeclaredThenStandardUnderApiAndNoneElsewhere() {
        RouteTable table = new RouteTable(List.of(RoutePolicies.of(login)));

        assertThat(table.rateLimit(new MockHttpServletRequest("POST", "/m1/login"))).isEqualTo(login.rateLimit());
        assertThat(table.rateLimit(new MockHttpServletRequest("GET", "/api/anything"))).isEqualTo(RateLimit.standard());
        assertThat(table.rateLimit(new MockHttpServletRequest("GET", "/anything"))).isEqualTo(RateLimit.none());
    }

    @Test
    void findWhenRequestLookedUpTwiceThenSameAnswerForItsOwnPathOnly() {
        RouteTable table = new RouteTable(List.of(RoutePolicies.of(login, accountRead)));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/m1/login");

        assertThat(table.find(request)).containsSame(login);
        assertThat(table.find(request)).containsSame(login);
        request.setMethod("GET");
        request.setRequestURI("/m1/account");
        assertThat(table.find(request)).containsSame(accountRead);
    }

    @Test
    void newWhenRouteDeclaredTwiceThenRefused() {
        RoutePolicy again = route(POST, "/m1/login", Access.admin(), standard());

        assertThatThrownBy(() -> new RouteTable(List.of(RoutePolicies.of(login), RoutePolicies.of(again))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("POST /m1/login is declared twice");
    }

    @Test
    void newWhenOneBucketNameHasTwoPoliciesThenRefused() {
        RoutePolicy other = route(POST, "/m1/other", Access.anyone(), perCaller("login", RatePolicy.of("9/1m")));

        assertThatThrownBy(() -> new RouteTable(List.of(RoutePolicies.of(login, other))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'login'");
    }
}
