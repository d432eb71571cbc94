package app.bar.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * With BAR's configuration ({@code application.yml}), a scheduler that shuts down lets a running
 * job finish: an interrupt in the middle of the embedded H2's file I/O closes its file channel and
 * the database with it (a CI run lost its shared test database that way when a cached test context
 * was closed under a running clean-up). Only the scheduling auto-configuration is started.
 */
class SchedulerShutdownTests {

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ImportAutoConfiguration(TaskSchedulingAutoConfiguration.class)
    static class SchedulingOnly {
    }

    @Test
    void destroyWhenAScheduledJobIsRunningThenTheJobFinishesUninterrupted() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SchedulingOnly.class)
                .web(WebApplicationType.NONE).run()) {
            TaskScheduler scheduler = context.getBean("taskScheduler", TaskScheduler.class);
            scheduler.schedule(() -> {
                started.countDown();
                try {
                    Thread.sleep(1_000); // stands for a job's statement in flight
                    finished.set(true);
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    Thread.currentThread().interrupt();
                }
            }, Instant.now());
            assertThat(started.await(10, TimeUnit.SECONDS)).as("the job started").isTrue();
            // the scheduler's own destruction, as at the end of a context's close (without the
            // lifecycle stop before it, which waits for running jobs only when it gets to run)
            context.getBeanFactory().destroyBean("taskScheduler", scheduler);
        }
        assertThat(interrupted).as("the job was interrupted by the shutdown").isFalse();
        assertThat(finished).as("the job ran to its end before the scheduler was gone").isTrue();
    }
}
