/** Security events: one table, one structured log line and one counter per event. */
@ApplicationModule(allowedDependencies = "platform")
@NullMarked
package app.bar.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
