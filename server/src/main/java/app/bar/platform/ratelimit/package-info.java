@NullMarked
package app.bar.platform.ratelimit;

import org.jspecify.annotations.NullMarked;
