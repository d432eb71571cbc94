@NullMarked
package app.bar.platform.error;

import org.jspecify.annotations.NullMarked;
