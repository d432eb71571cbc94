package app.bar.share.lifecycle;

import org.springframework.context.ApplicationContext;

/** Share internals other modules' ITs need to drive (the clean-up pass, which destroys expired shares). */
public final class ShareTestHooks {

    private ShareTestHooks() {
    }

    /** Runs one clean-up pass now, as the scheduled job would. */
    public static void runCleanup(ApplicationContext context) {
        context.getBean(ShareCleanup.class).runOnce();
    }
}
