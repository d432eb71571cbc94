package app.bar.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * An IT of a backend that only the external run has (S3 as the blob store, PostgreSQL, Redis):
 * it runs there and not in the embedded run, which keeps its blobs in a directory. {@code .ci/run}
 * always runs the external run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EnabledIfSystemProperty(named = "bar.it.backend", matches = "external",
        disabledReason = "a test of the external backends: the external run proves it")
public @interface ExternalRunOnly {
}
