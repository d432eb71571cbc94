package app.bar.share.create;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareFiles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** ASVS 5.2.2 / 3.2.1: types come from the bytes; active types are never served as themselves. */
class ContentTypesTests {

    private static String sniff(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return ContentTypes.sniff(bytes, bytes.length);
    }

    @Test
    void sniffWhenPngMagicThenImagePng() {
        byte[] png = ShareFiles.png(1000);
        assertThat(ContentTypes.sniff(png, png.length)).isEqualTo("image/png");
    }

    @Test
    void sniffWhenPdfThenApplicationPdf() {
        assertThat(sniff("%PDF-1.7\n1 0 obj\n")).isEqualTo("application/pdf");
    }

    @Test
    void servedWhenHtmlSvgXmlOrScriptThenOctetStream() {
        assertThat(ContentTypes.served(sniff("<!DOCTYPE html><html><script>x</script></html>")))
                .isEqualTo(ContentTypes.OCTET_STREAM);
        assertThat(ContentTypes.served(sniff("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>")))
                .isEqualTo(ContentTypes.OCTET_STREAM);
        assertThat(ContentTypes.served("application/xhtml+xml")).isEqualTo(ContentTypes.OCTET_STREAM);
        assertThat(ContentTypes.served("application/javascript")).isEqualTo(ContentTypes.OCTET_STREAM);
        assertThat(ContentTypes.served("text/xml")).isEqualTo(ContentTypes.OCTET_STREAM);
    }

    @Test
    void servedWhenAllowListedThenKept() {
        assertThat(ContentTypes.served("image/png")).isEqualTo("image/png");
        assertThat(ContentTypes.served("application/pdf")).isEqualTo("application/pdf");
    }

    @Test
    void sniffWhenNoBytesThenNoFailure() {
        assertThat(ContentTypes.sniff(new byte[10], 0)).isNotBlank();
    }
}
