package app.bar.share.owner;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.bar.platform.error.BarProblem;
import app.bar.share.DestroyReason;
import app.bar.support.ControllerSliceTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** The owner's dashboard API: typed answers with the documented JSON, and its problems' codes. */
@ControllerSliceTest(OwnerController.class)
class OwnerControllerTests {

    private static final Instant CREATED = Instant.parse("2026-11-05T10:00:00Z");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    OwnedShares owned;
    @MockitoBean
    ShareLinkMails linkMails; // POST /api/shares/{id}/mail: ShareLinkMailIT over real HTTP and SMTP

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signedInAs(String accountId) {
        TestingAuthenticationToken auth = new TestingAuthenticationToken(accountId, null, "ROLE_USER");
        SecurityContextHolder.getContext().setAuthentication(auth);
    }

    @Test
    void listWhenAnonymousThenProblem401AuthRequired() throws Exception {
        mvc.perform(get("/api/shares"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("auth.required"));
        verifyNoInteractions(owned);
    }

    @Test
    void listWhenSignedInThenTheOwnersSharesUnderSharesWithNullsKept() throws Exception {
        signedInAs("acct-1");
        when(owned.list("acct-1")).thenReturn(List.of(new OwnedShares.Summary("k3PZq8vW2mXa7RtY0cLbNg", "file",
                "destroyed", "contract for Ann", null, 3, 0, CREATED, CREATED.plusSeconds(3600), true, false, true, null,
                2048L, DestroyReason.VIEWS_USED, "Gx7Lm2Qp9Rt4Vw6Yz8AbCd")));
        mvc.perform(get("/api/shares"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"shares":[{"id":"k3PZq8vW2mXa7RtY0cLbNg","kind":"file","state":"destroyed","label":"contract for Ann","filename":null,
                          "maxViews":3,"viewsLeft":0,"createdAt":"2026-11-05T10:00:00Z",
                          "expiresAt":"2026-11-05T11:00:00Z","requiresPassword":true,"requiresOtp":false,
                          "zeroKnowledge":true,"size":null,"encryptedSize":2048,"destroyReason":"VIEWS_USED",
                          "groupId":"Gx7Lm2Qp9Rt4Vw6Yz8AbCd"}]}""", JsonCompareMode.STRICT));
    }

    @Test
    void eventsWhenSignedInThenTheLogUnderEvents() throws Exception {
        signedInAs("acct-1");
        when(owned.events("acct-1", "k3PZq8vW2mXa7RtY0cLbNg")).thenReturn(List.of(
                new AccessLog.Entry(CREATED, "opened", "127.0.***.***", null)));
        mvc.perform(get("/api/shares/k3PZq8vW2mXa7RtY0cLbNg/events"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"events":[{"at":"2026-11-05T10:00:00Z","outcome":"opened","ip":"127.0.***.***",
                          "browser":null}]}""", JsonCompareMode.STRICT));
    }

    @Test
    void eventsWhenNotTheOwnersShareThenProblem404ResourceNotFound() throws Exception {
        signedInAs("acct-2");
        when(owned.events(any(), any())).thenThrow(new BarProblem.NotFound());
        mvc.perform(get("/api/shares/k3PZq8vW2mXa7RtY0cLbNg/events"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("resource.not_found"));
    }

    @Test
    void eventsWhenAnonymousThenProblem401AuthRequired() throws Exception {
        mvc.perform(get("/api/shares/k3PZq8vW2mXa7RtY0cLbNg/events"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("auth.required"));
        verifyNoInteractions(owned);
    }
}
