@NullMarked
package app.bar.platform.health;

import org.jspecify.annotations.NullMarked;
