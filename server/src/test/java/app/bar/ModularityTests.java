package app.bar;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each top-level package is a module with a small public face; no cycles, no reaching into internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(BarApplication.class);

    @Test
    void modulesWhenVerifiedThenNoViolations() {
        modules.verify();
    }
}
