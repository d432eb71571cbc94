@NullMarked
package app.bar.platform.redis;

import org.jspecify.annotations.NullMarked;
