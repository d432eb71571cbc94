/**
 * How events between modules are run: the executor of the {@code @ApplicationModuleListener}s
 * (bounded, graceful at shutdown) and the resubmission of publications that a crash, a full
 * queue or a failing listener left incomplete in Spring Modulith's JDBC registry.
 * docs/engineering-notes.md "Events" has the rules publishers and listeners follow.
 */
@NullMarked
package app.bar.platform.events;

import org.jspecify.annotations.NullMarked;
