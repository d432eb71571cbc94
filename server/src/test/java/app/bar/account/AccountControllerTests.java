package app.bar.account;

import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.bar.platform.error.BarProblem;
import app.bar.platform.web.CurrentAccount;
import app.bar.support.ControllerSliceTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The own-account API's binding and error mapping: API tokens and password changes need a
 * session (not a personal API token) and a recent password; bad bodies are 400s naming the field,
 * and none of them reaches a service.
 */
@ControllerSliceTest(AccountController.class)
class AccountControllerTests {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AccountProfile profile;
    @MockitoBean
    SessionService sessions;
    @MockitoBean
    PasswordService passwords;
    @MockitoBean
    ApiTokens apiTokens;
    @MockitoBean
    Reauthentication reauthentication;

    /** What the security module hands over for a cookie session: an authentication bound to it. */
    static final class SessionAuthentication extends TestingAuthenticationToken implements CurrentAccount.SessionBound {
        private final String sessionId;

        SessionAuthentication(String accountId, String sessionId) {
            super(accountId, null, "ROLE_USER");
            this.sessionId = sessionId;
        }

        @Override
        public @Nullable String sessionId() {
            return sessionId;
        }
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void inSession(String accountId, String sessionId) {
        SecurityContextHolder.getContext().setAuthentication(new SessionAuthentication(accountId, sessionId));
    }

    private static void withApiToken(String accountId) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(accountId, null, "ROLE_USER"));
    }

    @Test
    void createTokenWhenCalledWithAnApiTokenThenProblem403SessionRequiredAndNoTokenMinted() throws Exception {
        withApiToken("acct-1");
        mvc.perform(post("/api/account/tokens").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"ci\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("auth.session_required"));
        verifyNoInteractions(apiTokens, reauthentication);
    }

    @Test
    void createTokenWhenThePasswordWasNotConfirmedRecentlyThenProblem403ReauthenticationRequired() throws Exception {
        inSession("acct-1", "sess-1");
        doThrow(new BarProblem.Forbidden(AccountCodes.REAUTHENTICATION_REQUIRED, "Confirm your password first."))
                .when(reauthentication).require("sess-1");
        mvc.perform(post("/api/account/tokens").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"ci\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("auth.reauthentication_required"));
        verifyNoInteractions(apiTokens);
    }

    @Test
    void createTokenWhenExpiresInDaysIsNotANumberThenProblem400NamingIt() throws Exception {
        inSession("acct-1", "sess-1");
        mvc.perform(post("/api/account/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"ci\",\"expiresInDays\":\"soon\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiresInDays"))
                .andExpect(jsonPath("$.errors[0].code").value("field.wrong_type"));
        verifyNoInteractions(apiTokens, reauthentication);
    }

    @Test
    void createTokenWhenMoreThanTwentyScopesThenProblem400NamingScopes() throws Exception {
        inSession("acct-1", "sess-1");
        String scopes = "\"shares:read\",".repeat(20) + "\"shares:write\"";
        mvc.perform(post("/api/account/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"ci\",\"scopes\":[" + scopes + "]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.invalid"))
                .andExpect(jsonPath("$.errors[0].field").value("scopes"))
                .andExpect(jsonPath("$.errors[0].code").value("field.size"));
        verifyNoInteractions(apiTokens);
    }

    @Test
    void changePasswordWhenNewPasswordMissingThenProblem400NamingItAndPasswordUnchanged() throws Exception {
        inSession("acct-1", "sess-1");
        mvc.perform(post("/api/account/password").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"correct horse battery staple\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("newPassword"))
                .andExpect(jsonPath("$.errors[0].code").value("field.required"));
        verifyNoInteractions(passwords);
    }

    @Test
    void changeWhenLanguageMissingThenProblem400NamingItAndNothingSaved() throws Exception {
        inSession("acct-1", "sess-1");
        mvc.perform(patch("/api/account").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("language"))
                .andExpect(jsonPath("$.errors[0].code").value("field.required"));
        verifyNoInteractions(profile);
    }

    @Test
    void changeWhenUnknownFieldThenProblem400NamingItAndNothingSaved() throws Exception {
        inSession("acct-1", "sess-1");
        mvc.perform(patch("/api/account").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"language\":\"en\",\"role\":\"ADMIN\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
        verifyNoInteractions(profile);
    }

    @Test
    void changePasswordWhenUnknownFieldThenProblem400NamingIt() throws Exception {
        inSession("acct-1", "sess-1");
        mvc.perform(post("/api/account/password").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"a\",\"newPassword\":\"b\",\"role\":\"ADMIN\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.unknown_field"))
                .andExpect(jsonPath("$.errors[0].field").value("role"));
        verifyNoInteractions(passwords);
    }

    @Test
    void changePasswordWhenCalledWithAnApiTokenThenProblem403SessionRequired() throws Exception {
        withApiToken("acct-1");
        mvc.perform(post("/api/account/password").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"a\",\"newPassword\":\"b\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("auth.session_required"));
        verifyNoInteractions(passwords);
    }

    @Test
    void endSessionWhenAnonymousThenProblem401() throws Exception {
        mvc.perform(delete("/api/account/sessions/s-2"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("auth.required"));
        verifyNoInteractions(sessions);
    }
}
