package app.bar.support;

import app.bar.platform.config.BarProperties;
import app.bar.platform.error.HeldAnswers;
import app.bar.platform.error.ProblemWriter;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A {@code @WebMvcTest} slice for a controller's binding and error mapping (STYLE.md test
 * layers): the named controllers, the application's JSON settings and the one problem handler
 * and writer, without the security chain, the database or a server. Services are
 * {@code @MockitoBean}s. The slice's development keys go under {@code target/}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(properties = "bar.data-dir=target/controller-slices")
@AutoConfigureMockMvc(addFilters = false)
@Import({ProblemWriter.class, HeldAnswers.class})
@EnableConfigurationProperties(BarProperties.class)
public @interface ControllerSliceTest {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
