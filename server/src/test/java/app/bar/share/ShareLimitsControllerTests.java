package app.bar.share;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.bar.support.ControllerSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/shares/limits}: the configured limits, in seconds and bytes, for both kinds of creator. */
@ControllerSliceTest(ShareLimitsController.class)
@EnableConfigurationProperties(ShareProperties.class)
@TestPropertySource(properties = {"bar.shares.anonymous-max-file-size=1MB", "bar.shares.anonymous-max-expiry=2d"})
class ShareLimitsControllerTests {

    @Autowired
    MockMvc mvc;

    @Test
    void limitsWhenAskedThenTheConfiguredBoundsForAnonymousAndSignedInCreators() throws Exception {
        mvc.perform(get("/api/shares/limits"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "max-age=300, public"))
                .andExpect(content().json("""
                        {"minExpiresIn":60,"defaultExpiresIn":86400,"maxViews":1000,"maxTextBytes":1048576,
                         "anonymous":{"canCreate":true,"maxExpiresIn":172800,"maxFileBytes":1048576,"unlimitedViews":false},
                         "signedIn":{"canCreate":true,"maxExpiresIn":2592000,"maxFileBytes":2147483648,"unlimitedViews":true}}""",
                        JsonCompareMode.STRICT));
    }
}
