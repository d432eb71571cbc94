package app.bar.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.bar.crypto.SealedKey;
import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.web.PublicUrl;
import app.bar.share.core.AccessPolicy;
import app.bar.share.core.FailedAttempts;
import app.bar.share.core.ShareKeys;
import app.bar.share.core.ShareKind;
import app.bar.share.core.ShareRow;
import app.bar.share.core.ShareState;
import app.bar.share.core.StoredContent;
import app.bar.share.core.ViewCount;
import app.bar.share.create.CreateShareRequest;
import app.bar.share.create.ShareCreation;
import app.bar.share.create.ShareUpload;
import app.bar.share.open.ShareContent;
import app.bar.share.open.ShareUnlock;
import app.bar.share.open.ShareVisibility;
import app.bar.share.open.UnlockRequest;
import app.bar.share.owner.OwnedShares;
import app.bar.support.ControllerSliceTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The share API's binding, answers and error mapping (issue #10 items 3 and 4): typed requests
 * refuse unknown and mistyped fields by name, the answers keep the JSON of DESIGN.md §2, and
 * every problem carries its code.
 */
@ControllerSliceTest(ShareController.class)
@Import({ShareResponses.class, PublicUrl.class})
class ShareControllerTests {

    private static final Instant EXPIRES = Instant.parse("2026-11-05T10:00:00Z");
    private static final ShareId ID = new ShareId("k3PZq8vW2mXa7RtY0cLbNg");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ShareCreation creation;
    @MockitoBean
    ShareUpload upload;
    @MockitoBean
    ShareVisibility visibility;
    @MockitoBean
    ShareUnlock unlock;
    @MockitoBean
    ShareContent shareContent;
    @MockitoBean
    OwnedShares owned;
    @MockitoBean
    app.bar.share.open.RecipientBurns recipientBurns;
    @Autowired
    PublicUrl publicUrl;

    @Test
    void createWhenUnknownFieldThenProblem400NamingItAndNothingCreated() throws Exception {
        // issue #10 item 4: {"views":3} silently made a 1-view share
        create("{\"kind\":\"text\",\"text\":\"x\",\"views\":3}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.code").value("request.unknown_field"))
                .andExpect(jsonPath("$.errors[0].field").value("views"))
                .andExpect(jsonPath("$.errors[0].code").value("field.unknown"));
        verifyNoInteractions(creation);
    }

    @Test
    void createWhenMaxViewsIsNotANumberThenProblem400NamingIt() throws Exception {
        create("{\"kind\":\"text\",\"text\":\"x\",\"maxViews\":\"many\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.wrong_type"))
                .andExpect(jsonPath("$.errors[0].field").value("maxViews"));
        verifyNoInteractions(creation);
    }

    @Test
    void createWhenPasswordIsNotAStringThenProblem400NamingPasswordWithoutItsValue() throws Exception {
        create("{\"kind\":\"text\",\"text\":\"x\",\"password\":{\"p\":\"hunter2-secret\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.wrong_type"))
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(content().string(not(containsString("hunter2"))));
    }

    @Test
    void createWhenTextShareThen201WithTheDocumentedFieldsOnly() throws Exception {
        when(creation.create(any(), any())).thenReturn(
                new ShareCreation.Created(ID, "bar_mt_token", EXPIRES, 1, false, null, null, java.util.List.of()));
        create("{\"kind\":\"text\",\"text\":\"x\",\"password\":\"pw\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().json("""
                        {"id":"k3PZq8vW2mXa7RtY0cLbNg","shareUrl":"%s/s/k3PZq8vW2mXa7RtY0cLbNg",
                         "manageToken":"bar_mt_token","expiresAt":"2026-11-05T10:00:00Z","maxViews":1}"""
                        .formatted(publicUrl()), JsonCompareMode.STRICT));
        ArgumentCaptor<CreateShareRequest> request = ArgumentCaptor.forClass(CreateShareRequest.class);
        verify(creation).create(request.capture(), any());
        assertThat(request.getValue().password()).isNotNull().hasToString("Password[hidden]");
    }

    @Test
    void createWhenUnlimitedFileShareWithWebhookThenUploadUrlNullMaxViewsAndTheSecretOnce() throws Exception {
        when(creation.create(any(), any())).thenReturn(
                new ShareCreation.Created(ID, "bar_mt_token", EXPIRES, null, true, "whsec_once", null, java.util.List.of()));
        create("{\"kind\":\"file\",\"unlimitedViews\":true}")
                .andExpect(status().isCreated())
                .andExpect(content().json("""
                        {"id":"k3PZq8vW2mXa7RtY0cLbNg","shareUrl":"%1$s/s/k3PZq8vW2mXa7RtY0cLbNg",
                         "manageToken":"bar_mt_token","uploadUrl":"%1$s/api/shares/k3PZq8vW2mXa7RtY0cLbNg/content",
                         "expiresAt":"2026-11-05T10:00:00Z","maxViews":null,"webhookSecret":"whsec_once"}"""
                        .formatted(publicUrl()), JsonCompareMode.STRICT));
    }

    @Test
    void createWhenAFieldIsOutOfRangeThenProblem400WithItsCodeAndBounds() throws Exception {
        when(creation.create(any(), any())).thenThrow(new BarProblem.Invalid(ProblemCodes.FIELD_OUT_OF_RANGE,
                "expiresIn", "must be between 60 and 604800 seconds for anonymous shares", 60L, 604_800L));
        create("{\"kind\":\"text\",\"text\":\"x\",\"expiresIn\":999999}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.invalid"))
                .andExpect(jsonPath("$.errors[0].field").value("expiresIn"))
                .andExpect(jsonPath("$.errors[0].code").value("field.out_of_range"))
                .andExpect(jsonPath("$.errors[0].min").value(60))
                .andExpect(jsonPath("$.errors[0].max").value(604_800));
    }

    @Test
    void metadataWhenVisibleThenTheDocumentedFields() throws Exception {
        when(visibility.visible(eq(ID.value()), isNull())).thenReturn(share(null, null));
        mvc.perform(get("/api/shares/" + ID.value()))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"kind":"text","requiresPassword":true,"requiresOtp":false,"zeroKnowledge":false,
                         "viewOnly":false,"expiresAt":"2026-11-05T10:00:00Z"}""",
                        JsonCompareMode.STRICT));
    }

    @Test
    void metadataWhenGoneThenProblem404ResourceNotFound() throws Exception {
        when(visibility.visible(any(), any())).thenThrow(new BarProblem.NotFound());
        mvc.perform(get("/api/shares/" + ID.value()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("resource.not_found"))
                .andExpect(jsonPath("$.detail").value("The resource does not exist."));
    }

    @Test
    void unlockWhenTicketIssuedThenTicketAndWhatItOpensWithNullsKept() throws Exception {
        when(unlock.unlock(eq(ID.value()), any(), any(), any()))
                .thenReturn(new ShareUnlock.Result("t".repeat(43), 60, share(null, null)));
        unlock("{\"password\":\"pw\"}")
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"ticket":"%s","expiresIn":60,"kind":"text","filename":null,"size":null,
                         "contentType":"text/plain; charset=utf-8","viewOnly":false}""".formatted("t".repeat(43)),
                        JsonCompareMode.STRICT));
    }

    @Test
    void unlockWhenOtpSentThen202WithStatusOnly() throws Exception {
        when(unlock.unlock(eq(ID.value()), any(), any(), any())).thenReturn(new ShareUnlock.Result(null, 0, null));
        unlock("{\"email\":\"r@example.test\"}")
                .andExpect(status().isAccepted())
                .andExpect(content().string("{\"status\":\"otp_sent\"}"));
    }

    @Test
    void unlockWhenSecretsSentThenBoundAsPasswordsNeverStrings() throws Exception {
        when(unlock.unlock(eq(ID.value()), any(), any(), any())).thenReturn(new ShareUnlock.Result(null, 0, null));
        unlock("{\"password\":\"pw-1\",\"accessKey\":\"key-2\",\"email\":\"r@example.test\",\"otp\":\"123456\"}")
                .andExpect(status().isAccepted());
        ArgumentCaptor<UnlockRequest> request = ArgumentCaptor.forClass(UnlockRequest.class);
        verify(unlock).unlock(eq(ID.value()), request.capture(), any(), any());
        assertThat(request.getValue().email()).isEqualTo("r@example.test");
        assertThat(request.getValue().toString()).doesNotContain("pw-1", "key-2", "123456");
    }

    @Test
    void unlockWhenOtpIsNotAStringThenProblem400NamingOtp() throws Exception {
        unlock("{\"email\":\"r@example.test\",\"otp\":123456}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.wrong_type"))
                .andExpect(jsonPath("$.errors[0].field").value("otp"));
        verifyNoInteractions(unlock);
    }

    @Test
    void unlockWhenUnknownFieldThenProblem400NamingIt() throws Exception {
        unlock("{\"pasword\":\"typo\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.unknown_field"))
                .andExpect(jsonPath("$.errors[0].field").value("pasword"));
        verifyNoInteractions(unlock);
    }

    @Test
    void unlockWhenLockedThenProblem423ShareLockedWithRetryAfter() throws Exception {
        when(unlock.unlock(any(), any(), any(), any())).thenThrow(new BarProblem.Locked(ShareCodes.LOCKED,
                "This share is locked after too many wrong passwords.", Duration.ofMinutes(59)));
        unlock("{\"password\":\"pw\"}")
                .andExpect(status().isLocked())
                .andExpect(header().string("Retry-After", "3540"))
                .andExpect(jsonPath("$.code").value("share.locked"));
    }

    @Test
    void uploadWhenNoManageTokenThenProblem401ManageTokenRequiredAndNothingRead() throws Exception {
        mvc.perform(put("/api/shares/" + ID.value() + "/content").content(new byte[] {1, 2, 3})
                        .contentType(MediaType.APPLICATION_OCTET_STREAM))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("share.manage_token_required"));
        verifyNoInteractions(upload);
    }

    @Test
    void uploadWhenStoredThenIdSizeAndType() throws Exception {
        when(upload.upload(eq(ID.value()), eq("bar_mt_token"), any(), eq(3L)))
                .thenReturn(new ShareUpload.Uploaded(3, "application/octet-stream"));
        mvc.perform(put("/api/shares/" + ID.value() + "/content").content(new byte[] {1, 2, 3})
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).header("Authorization", "Bearer bar_mt_token"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"id":"k3PZq8vW2mXa7RtY0cLbNg","size":3,"contentType":"application/octet-stream"}""",
                        JsonCompareMode.STRICT));
    }

    @Test
    void contentWhenTicketMissingThenProblem400FieldRequiredNamingTicket() throws Exception {
        mvc.perform(post("/api/shares/" + ID.value() + "/content").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.invalid"))
                .andExpect(jsonPath("$.errors[0].field").value("ticket"))
                .andExpect(jsonPath("$.errors[0].code").value("field.required"));
        mvc.perform(post("/api/shares/" + ID.value() + "/content").contentType(MediaType.APPLICATION_FORM_URLENCODED))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ticket"));
        verifyNoInteractions(shareContent);
    }

    @Test
    void contentWhenTicketRefusedThenProblem401TicketExpired() throws Exception {
        when(shareContent.open(eq(ID.value()), eq("used"), any(), any())).thenThrow(new BarProblem.Unauthorized(
                ShareCodes.TICKET_EXPIRED, "The ticket is invalid, used or expired; unlock again."));
        mvc.perform(post("/api/shares/" + ID.value() + "/content").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ticket\":\"used\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("ticket.expired"));
    }

    private ResultActions create(String json) throws Exception {
        return mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions unlock(String json) throws Exception {
        return mvc.perform(post("/api/shares/" + ID.value() + "/unlock").contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private String publicUrl() {
        return publicUrl.base();
    }

    private static ShareRow share(String filename, Long size) {
        return new ShareRow(ID, ShareKind.TEXT, ShareState.ACTIVE, null, "hash", EXPIRES.minusSeconds(3600), EXPIRES,
                new AccessPolicy(1, null, false, true, false, false, null, false),
                new ShareKeys(new SealedKey("k1", "c2VhbGVk", true), null, null, null, null),
                new StoredContent(filename, null, size, null, null, null), ViewCount.NONE, FailedAttempts.NONE, null, null);
    }
}
