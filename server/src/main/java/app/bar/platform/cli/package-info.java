@NullMarked
package app.bar.platform.cli;

import org.jspecify.annotations.NullMarked;
