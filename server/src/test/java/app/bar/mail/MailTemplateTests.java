package app.bar.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** ASVS 1.3.11: user values never become markup or headers in mail. */
class MailTemplateTests {

    private final MailTemplate template = new MailTemplate("Hello {{name}}", "Hi {{name}}, see {{link}}",
            "<p>Hi {{name}}, <a href=\"{{link}}\">open</a></p>");

    @Test
    void renderWhenValueHoldsMarkupThenHtmlEscapedAndTextKept() {
        OutgoingMail mail = template.render("a@example.com",
                Map.of("name", "<script>alert(1)</script>", "link", "https://bar.example.com/x?a=1&b=2"));
        assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;").contains("a=1&amp;b=2");
        assertThat(mail.text()).contains("<script>alert(1)</script>");
    }

    @Test
    void renderWhenValueHoldsNewlinesThenSubjectStaysOneLine() {
        OutgoingMail mail = template.render("a@example.com", Map.of("name", "x\r\nBcc: evil@example.com", "link", "l"));
        assertThat(mail.subject()).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void renderWhenPlaceholderUnfilledThenError() {
        assertThatThrownBy(() -> template.render("a@example.com", Map.of("name", "x")))
                .hasMessageContaining("link");
    }

    @Test
    void outgoingMailWhenRecipientHoldsSecondAddressThenRefused() {
        assertThatThrownBy(() -> new OutgoingMail("a@example.com\r\nBcc: b@example.com", "s", "t", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("a@example.com, b@example.com", "s", "t", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
