@NullMarked
package app.bar.platform.logging;

import org.jspecify.annotations.NullMarked;
