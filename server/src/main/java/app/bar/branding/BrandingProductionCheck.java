package app.bar.branding;

import app.bar.branding.BrandingRules.Setting;
import app.bar.platform.config.ProductionCheck;
import app.bar.platform.config.ProductionSettings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Branding rules (registered in {@code META-INF/spring.factories}): everywhere, each value follows
 * {@link BrandingRules} (a colour that could inject CSS, a {@code javascript:} link or an
 * oversized logo stops the start with one line naming the variable); in production the logo path
 * is absolute, so it does not depend on the directory the server was started in.
 */
final class BrandingProductionCheck implements ProductionCheck {

    @Override
    public void checkEverywhere(ProductionSettings settings) {
        BrandingRules.problems(setting -> settings.value(setting.key))
                .forEach(problem -> settings.problem(problem.variable(), problem.rule()));
    }

    @Override
    public void check(ProductionSettings settings) {
        String logo = settings.value(Setting.LOGO.key).strip();
        if (!logo.isEmpty() && !absolute(logo)) {
            settings.problem(Setting.LOGO.variable, "must be an absolute path");
        }
    }

    private static boolean absolute(String path) {
        try {
            return Path.of(path).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
