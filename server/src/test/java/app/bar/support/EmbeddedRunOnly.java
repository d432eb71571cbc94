package app.bar.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * An IT that runs in the embedded run only, not again in the external one: what it proves does not
 * depend on the database, Redis or the blob store — a page in the browser, a bound of the web layer,
 * the jar's own start-up — and the API it goes through is proven on PostgreSQL, Redis and S3 by
 * the ITs that do run twice. Running it a second time would cost CI minutes and prove nothing more.
 * An IT whose subject crosses a backend (a file through the blob store, chat between two nodes)
 * does not carry this.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@DisabledIfSystemProperty(named = "bar.it.backend", matches = "external",
        disabledReason = "independent of the backends: the embedded run proves it")
public @interface EmbeddedRunOnly {
}
