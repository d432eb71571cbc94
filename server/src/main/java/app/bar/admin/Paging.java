package app.bar.admin;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The bounds of the admin lists' {@code page} and {@code size} parameters, as Jakarta constraints. */
final class Paging {

    static final int MAX_PAGE = 100_000;
    static final int MAX_SIZE = 200;
    private static final String PAGE_RULE = "must be between 0 and " + MAX_PAGE;
    private static final String SIZE_RULE = "must be between 1 and " + MAX_SIZE;

    private Paging() {
    }

    /** A page number: 0 to {@value #MAX_PAGE}. */
    @Min(value = 0, message = PAGE_RULE)
    @Max(value = MAX_PAGE, message = PAGE_RULE)
    @Constraint(validatedBy = {})
    @Target({ElementType.PARAMETER, ElementType.FIELD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @interface PageNumber {
        String message() default PAGE_RULE;

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A page size: 1 to {@value #MAX_SIZE}. */
    @Min(value = 1, message = SIZE_RULE)
    @Max(value = MAX_SIZE, message = SIZE_RULE)
    @Constraint(validatedBy = {})
    @Target({ElementType.PARAMETER, ElementType.FIELD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @interface PageSize {
        String message() default SIZE_RULE;

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }
}
