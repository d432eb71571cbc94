package app.bar.account;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Work an answer must not wait for: a forgot-password request answers 202 at once and looks
 * the address up here, so a known and an unknown address take the same time. Bounded: past
 * the queue the request is answered 503, whatever the address.
 */
@Component
class AccountTasks implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AccountTasks.class);

    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(256), r -> {
                Thread t = new Thread(r, "bar-account-tasks");
                t.setDaemon(true);
                return t;
            });

    void submit(String name, Runnable work) {
        try {
            pool.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("account.task_failed task={}", name, e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new BarProblem.Unavailable(ProblemCodes.SERVER_BUSY,
                    "The service is busy; retry after the number of seconds in Retry-After.",
                    Duration.ofSeconds(5));
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
