package app.bar.share;

/** For what a server finishes just after the response (the blob removal after the last view's stream). */
public final class Eventually {

    private Eventually() {
    }

    public static void holds(Runnable assertion) {
        long deadline = System.currentTimeMillis() + 5000;
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
