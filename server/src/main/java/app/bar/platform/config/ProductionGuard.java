package app.bar.platform.config;

import app.bar.platform.secrets.KeyRingSpec;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * The checks {@code BAR_PROFILE=prod} runs before anything else starts (DESIGN.md §3): every
 * module's {@link ProductionCheck} (its required variables present, long enough, well formed and
 * safe) and the key rings they declare. Each problem is one log line naming the variable and the
 * rule; values are never printed. The profile itself, and each module's rules for settings that
 * must agree ({@link ProductionCheck#checkEverywhere}), are checked on every start.
 */
public final class ProductionGuard {

    static final String PROFILE = "prod";

    private static final Logger log = LoggerFactory.getLogger(ProductionGuard.class);
    private static final List<String> KNOWN_PROFILES = List.of("prod", "dev");

    private ProductionGuard() {
    }

    /** Every module's check, in the order {@code META-INF/spring.factories} registers them. */
    public static List<ProductionCheck> checks() {
        return SpringFactoriesLoader.forDefaultResourceLocation(ProductionGuard.class.getClassLoader())
                .load(ProductionCheck.class);
    }

    /** Every key ring a module declares. */
    public static List<KeyRingSetting> keyRings() {
        return checks().stream().flatMap(c -> c.keyRings().stream()).toList();
    }

    /** Throws {@link UnsafeConfigurationException} when the environment is not fit to start. */
    public static void check(Environment env) {
        ProductionSettings settings = new ProductionSettings(env);
        for (String profile : env.getActiveProfiles()) {
            if (!KNOWN_PROFILES.contains(profile) && !profile.startsWith("test")) {
                settings.problem("BAR_PROFILE", "must be empty (embedded default) or 'prod'");
            }
        }
        List<ProductionCheck> checks = checks();
        checks.forEach(check -> check.checkEverywhere(settings));
        if (isProduction(env)) {
            for (ProductionCheck check : checks) {
                for (KeyRingSetting ring : check.keyRings()) {
                    for (String rule : KeyRingSpec.problems(settings.value(ring.key()), ring.minBytes(), ring.maxBytes())) {
                        settings.problem(ring.variable(), rule);
                    }
                }
                check.check(settings);
            }
        }
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            problems.forEach(p -> log.error("config.invalid {}", p));
            throw new UnsafeConfigurationException(problems);
        }
    }

    static boolean isProduction(Environment env) {
        return Arrays.asList(env.getActiveProfiles()).contains(PROFILE);
    }
}
