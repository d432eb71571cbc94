package app.bar.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class or method that needs a program besides the JDK ({@link TestTools}): skipped with
 * one line saying what to install when it is missing, unless {@code CI=true}, where it runs and fails.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresToolCondition.class)
public @interface RequiresTool {

    TestTools.Tool[] value();
}
