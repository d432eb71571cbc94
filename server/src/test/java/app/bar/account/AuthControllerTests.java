package app.bar.account;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.bar.audit.SecurityEvents;
import app.bar.platform.secrets.Password;
import app.bar.security.SessionCookies;
import app.bar.support.ControllerSliceTest;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The sign-in API's binding and error mapping (issue #10 items 3 and 4). */
@ControllerSliceTest(AuthController.class)
class AuthControllerTests {

    private static final String PASSWORD = "Plover quartz lantern 47 meadow";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RegistrationService registration;
    @MockitoBean
    LoginService logins;
    @MockitoBean
    SessionService sessions;
    @MockitoBean
    PasswordService passwords;
    @MockitoBean
    SessionCookies cookies;
    @MockitoBean
    Reauthentication reauthentication;
    @MockitoBean
    SecurityEvents events;
    @MockitoBean
    Clock clock;
    @MockitoBean
    OidcLogout oidcLogout;

    /** Password sign-in switched on, as by default ({@code bar.accounts.local-login-enabled}). */
    @TestConfiguration
    static class LocalLoginOn {
        @Bean
        LocalLogin localLogin() {
            return new LocalLogin(true);
        }
    }

    @Test
    void loginWhenUnknownFieldThenProblem400NamingItAndNoSignIn() throws Exception {
        // issue #10 item 4: unknown fields are refused, not silently dropped
        login("{\"email\":\"a@example.test\",\"password\":\"" + PASSWORD + "\",\"role\":\"ADMIN\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.code").value("request.unknown_field"))
                .andExpect(jsonPath("$.errors[0].field").value("role"))
                .andExpect(jsonPath("$.errors[0].code").value("field.unknown"));
        verifyNoInteractions(logins);
    }

    @Test
    void loginWhenPasswordIsNotAStringThenProblem400NamingPassword() throws Exception {
        login("{\"email\":\"a@example.test\",\"password\":{\"guess\":1}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.wrong_type"))
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a string"));
    }

    @Test
    void loginWhenRememberMeIsNotABooleanThenProblem400NamingIt() throws Exception {
        login("{\"email\":\"a@example.test\",\"password\":\"x\",\"rememberMe\":\"perhaps\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.wrong_type"))
                .andExpect(jsonPath("$.errors[0].field").value("rememberMe"))
                .andExpect(jsonPath("$.errors[0].message").value("must be true or false"));
    }

    @Test
    void loginWhenPasswordMissingThenProblem400FieldRequired() throws Exception {
        login("{\"email\":\"a@example.test\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.invalid"))
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].code").value("field.required"));
    }

    @Test
    void loginWhenWrongCredentialsThenProblem401LoginFailed() throws Exception {
        when(logins.login(any(), any(), anyBoolean(), any(), any())).thenThrow(LoginService.wrongCredentials());
        login("{\"email\":\"a@example.test\",\"password\":\"wrong\"}")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("auth.login_failed"))
                .andExpect(jsonPath("$.type").value("urn:bar:problem:unauthorized"))
                .andExpect(jsonPath("$.detail").value("The email or password is wrong."));
    }

    @Test
    void loginWhenPasswordSentThenTheServiceGetsAPasswordValue() throws Exception {
        when(logins.login(any(), any(), anyBoolean(), any(), any())).thenThrow(LoginService.wrongCredentials());
        login("{\"email\":\"a@example.test\",\"password\":\"" + PASSWORD + "\"}");
        verify(logins).login(eq("a@example.test"), argThat(p -> p.equalsPassword(Password.of(PASSWORD))), eq(false),
                any(), any());
    }

    @Test
    void registerWhenAcceptedThenTheOneAnswerWhateverTheAddress() throws Exception {
        mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"a@example.test\",\"password\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("accepted"))
                .andExpect(jsonPath("$.detail").value("If the address can be used, a message is on its way to it."));
    }

    @Test
    void resetWhenLinkSpentThenProblem400NamingTheTokenWithItsCode() throws Exception {
        org.mockito.Mockito.doThrow(RegistrationService.badLink()).when(passwords).reset(eq("t"), any());
        mvc.perform(post("/api/auth/reset-password").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"t\",\"newPassword\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.invalid"))
                .andExpect(jsonPath("$.errors[0].field").value("token"))
                .andExpect(jsonPath("$.errors[0].code").value("account.link_invalid"));
    }

    private ResultActions login(String json) throws Exception {
        return mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
