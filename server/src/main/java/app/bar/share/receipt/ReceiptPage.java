package app.bar.share.receipt;

import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * A receipt as a printable page: what it certifies in words, the signed JSON exactly as signed,
 * and how to verify it. Static HTML with the site's stylesheet and no script, so the strict CSP
 * holds; every value is HTML-escaped although the server wrote all of them.
 */
final class ReceiptPage {

    private ReceiptPage() {
    }

    static String render(JsonNode receipt, String signed) {
        String issuer = text(receipt, "issuer");
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <meta name="referrer" content="no-referrer">
                  <meta name="robots" content="noindex, nofollow">
                  <title>Destruction receipt %s</title>
                  <link rel="stylesheet" href="/css/bar.css">
                </head>
                <body>
                <main id="main" class="receipt">
                  <h1>Destruction receipt</h1>
                  <dl>
                    <dt>Share</dt><dd class="mono">%s</dd>
                    <dt>Created</dt><dd>%s</dd>
                    <dt>Destroyed</dt><dd>%s</dd>
                    <dt>Why</dt><dd>%s</dd>
                    <dt>Views used</dt><dd>%s</dd>
                    <dt>Issued by</dt><dd>%s</dd>
                    <dt>Signing key</dt><dd class="mono">%s (Ed25519)</dd>
                  </dl>
                  <h2>Signed receipt</h2>
                  <pre class="mono">%s</pre>
                  <p>Anyone can check this receipt offline: save the JSON above as <span class="mono">receipt.json</span> and run
                  <span class="mono">bar verify-receipt receipt.json --keys %s/.well-known/bar-receipt-keys</span>.</p>
                </main>
                </body>
                </html>
                """.formatted(text(receipt, "shareId"), text(receipt, "shareId"), text(receipt, "createdAt"),
                text(receipt, "destroyedAt"), text(receipt, "reason").replace('_', ' '), text(receipt, "viewsUsed"),
                issuer, text(receipt, "kid"), HtmlUtils.htmlEscape(signed), issuer);
    }

    private static String text(JsonNode receipt, String member) {
        return HtmlUtils.htmlEscape(receipt.path(member).asString(""));
    }
}
