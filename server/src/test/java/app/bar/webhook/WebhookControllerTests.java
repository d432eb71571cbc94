package app.bar.webhook;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.bar.platform.error.BarProblem;
import app.bar.support.ControllerSliceTest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** The account webhook API's binding and error mapping: typed answers, and 400s that name the field. */
@ControllerSliceTest(WebhookController.class)
class WebhookControllerTests {

    private static final Instant CREATED = Instant.parse("2026-11-05T10:00:00Z");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AccountWebhooks webhooks;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signedInAs(String accountId) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(accountId, null, "ROLE_USER"));
    }

    @Test
    void setWhenAnonymousThenProblem401AuthRequired() throws Exception {
        mvc.perform(put("/api/account/webhook").contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"https://h.example/x\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("auth.required"));
        verifyNoInteractions(webhooks);
    }

    @Test
    void setWhenSavedThenUrlAndOnceOnlySecretNotStored() throws Exception {
        signedInAs("acct-1");
        when(webhooks.set("acct-1", "https://h.example/x"))
                .thenReturn(new AccountWebhooks.Created("https://h.example/x", "bar_whs_secret", CREATED));
        mvc.perform(put("/api/account/webhook").contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"https://h.example/x\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().json("""
                        {"url":"https://h.example/x","webhookSecret":"bar_whs_secret","createdAt":"2026-11-05T10:00:00Z"}""",
                        JsonCompareMode.STRICT));
    }

    @Test
    void setWhenUnknownFieldThenProblem400NamingItAndNothingSaved() throws Exception {
        signedInAs("acct-1");
        mvc.perform(put("/api/account/webhook").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"https://h.example/x\",\"secret\":\"mine\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.unknown_field"))
                .andExpect(jsonPath("$.errors[0].field").value("secret"))
                .andExpect(jsonPath("$.errors[0].code").value("field.unknown"));
        verifyNoInteractions(webhooks);
    }

    @Test
    void setWhenUrlIsNotAStringThenProblem400NamingUrl() throws Exception {
        signedInAs("acct-1");
        mvc.perform(put("/api/account/webhook").contentType(MediaType.APPLICATION_JSON).content("{\"url\":[1,2]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("url"))
                .andExpect(jsonPath("$.errors[0].code").value("field.wrong_type"));
        verifyNoInteractions(webhooks);
    }

    @Test
    void setWhenBodyIsNotJsonThenProblem400MalformedJson() throws Exception {
        signedInAs("acct-1");
        mvc.perform(put("/api/account/webhook").contentType(MediaType.APPLICATION_JSON).content("{\"url\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.malformed_json"));
        verifyNoInteractions(webhooks);
    }

    @Test
    void setWhenTheGuardRefusesTheUrlThenItsCodeAndFieldPassThrough() throws Exception {
        signedInAs("acct-1");
        when(webhooks.set(anyString(), any()))
                .thenThrow(new BarProblem.Invalid(WebhookCodes.URL_REFUSED, "url", "must not point to a private address"));
        mvc.perform(put("/api/account/webhook").contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"http://10.0.0.1/\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("url"))
                .andExpect(jsonPath("$.errors[0].code").value("webhook.url_refused"));
    }

    @Test
    void getWhenNoneSetThenProblem404ResourceNotFound() throws Exception {
        signedInAs("acct-1");
        when(webhooks.get("acct-1")).thenReturn(Optional.empty());
        mvc.perform(get("/api/account/webhook"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("resource.not_found"));
    }

    @Test
    void deliveriesWhenFinishedThenNoNextAttemptAndNeverThePayload() throws Exception {
        signedInAs("acct-1");
        when(webhooks.deliveries("acct-1")).thenReturn(List.of(new DeliveryRepository.Delivery(
                "ev-1", "acct-1", "k3PZq8vW2mXa7RtY0cLbNg", WebhookRepository.Target.ACCOUNT, "share.accessed",
                "{\"secret-free\":true}", DeliveryRepository.Status.DELIVERED, 1, 204, CREATED, CREATED.plusSeconds(60),
                CREATED)));
        mvc.perform(get("/api/account/webhook/deliveries"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"deliveries":[{"eventId":"ev-1","type":"share.accessed","shareId":"k3PZq8vW2mXa7RtY0cLbNg",
                          "status":"DELIVERED","attempts":1,"lastStatusCode":204,"lastAttemptAt":"2026-11-05T10:00:00Z",
                          "nextAttemptAt":null,"createdAt":"2026-11-05T10:00:00Z"}]}""", JsonCompareMode.STRICT));
        verify(webhooks).deliveries("acct-1");
    }
}
