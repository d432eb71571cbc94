package app.bar.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.bar.account.AccountAdministration;
import app.bar.audit.SecurityEventLog;
import app.bar.support.ControllerSliceTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The admin API's binding and error mapping: every bad parameter is a 400 naming it (issue #21 item 3). */
@ControllerSliceTest(AdminController.class)
@ExtendWith(OutputCaptureExtension.class)
class AdminControllerTests {

    private static final Instant NOW = Instant.parse("2026-11-05T10:00:00Z");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AccountAdministration accounts;
    @MockitoBean
    AdminActions actions;
    @MockitoBean
    SecurityEventLog events;
    @MockitoBean
    SystemStatus status;

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Test
    void usersWhenPageIsNotANumberThenProblem400NamingPageAndNoErrorLogged(CapturedOutput output) throws Exception {
        // issue #21 item 3: GET /api/admin/users?page=x was a 500 with a stack trace at ERROR
        mvc.perform(get("/api/admin/users").param("page", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.code").value("request.parameter_invalid"))
                .andExpect(jsonPath("$.errors[0].field").value("page"))
                .andExpect(jsonPath("$.errors[0].code").value("field.wrong_type"));
        assertThat(output.getOut()).doesNotContain(" ERROR [");
        verifyNoInteractions(accounts);
    }

    @Test
    void usersWhenSizeIsNotANumberThenProblem400NamingSize() throws Exception {
        mvc.perform(get("/api/admin/users").param("size", "1e3"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.parameter_invalid"))
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void usersWhenSizeOutOfRangeThenProblem400WithTheRule() throws Exception {
        mvc.perform(get("/api/admin/users").param("size", "201"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.invalid"))
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].code").value("field.out_of_range"))
                .andExpect(jsonPath("$.errors[0].message").value("must be between 1 and 200"));
    }

    @Test
    void usersWhenPageNegativeThenProblem400WithTheRule() throws Exception {
        mvc.perform(get("/api/admin/users").param("page", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"))
                .andExpect(jsonPath("$.errors[0].message").value("must be between 0 and 100000"));
    }

    @Test
    void usersWhenStateUnknownThenProblem400UnknownValue() throws Exception {
        mvc.perform(get("/api/admin/users").param("state", "ROOT"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.invalid"))
                .andExpect(jsonPath("$.errors[0].field").value("state"))
                .andExpect(jsonPath("$.errors[0].code").value("field.unknown_value"));
    }

    @Test
    void securityEventsWhenFromIsNotAnInstantThenProblem400NamingFrom() throws Exception {
        mvc.perform(get("/api/admin/security-events").param("from", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.parameter_invalid"))
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value("must be an ISO-8601 date and time"));
    }

    @Test
    void securityEventsWhenNoRangeThenLastThirtyDaysFromTheClock() throws Exception {
        when(events.find(any(), any(), any(), anyInt(), anyInt())).thenReturn(List.of());
        mvc.perform(get("/api/admin/security-events").param("from", "2026-11-01T00:00:00Z"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isArray());
        verify(events).find(eq(null), eq(Instant.parse("2026-11-01T00:00:00Z")), eq(NOW.plusSeconds(1)), eq(0), eq(50));
    }

    @Test
    void statusWhenRequestedThenTheTypedReport() throws Exception {
        when(status.report()).thenReturn(new SystemStatus.Report("1.2.3", 60, Map.of("database", "up"),
                new SystemStatus.Counts(Map.of("ACTIVE", 2L), 0, 1, 5)));
        mvc.perform(get("/api/admin/status"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("1.2.3"))
                .andExpect(jsonPath("$.dependencies.database").value("up"))
                .andExpect(jsonPath("$.counts.accounts.ACTIVE").value(2))
                .andExpect(jsonPath("$.counts.securityEventsLast24h").value(5));
    }
}
