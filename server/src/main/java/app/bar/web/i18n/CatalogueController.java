package app.bar.web.i18n;

import app.bar.platform.error.BarProblem;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /i18n/<lang>.json}: an offered language's texts for the browser (every area but
 * mail, one flat object), public and the same for everyone; revalidated by its ETag (a hash of the
 * content), so a new release's texts reach the browser at once. Anything else is a 404.
 */
@RestController
class CatalogueController {

    static final String PATH = "/i18n/{lang}.json";

    private final Catalogues catalogues;

    CatalogueController(Catalogues catalogues) {
        this.catalogues = catalogues;
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> catalogue(@PathVariable String lang,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        byte[] json = catalogues.browserJson(lang);
        String etag = catalogues.etag(lang);
        if (json == null || etag == null) {
            throw new BarProblem.NotFound();
        }
        CacheControl cache = CacheControl.maxAge(0, TimeUnit.SECONDS).mustRevalidate().cachePublic();
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(etag).cacheControl(cache)
                .header(HttpHeaders.CONTENT_LANGUAGE, lang).body(json);
    }
}
