package app.bar.webhook;

/** The webhook module's problem codes (see {@code docs/errors.md}). */
final class WebhookCodes {

    /**
     * A webhook URL the SSRF guard refuses (not http(s), a private or reserved address, a host
     * that does not resolve...): an {@code errors[].code}, the message says which rule.
     */
    static final String URL_REFUSED = "webhook.url_refused";

    private WebhookCodes() {
    }
}
