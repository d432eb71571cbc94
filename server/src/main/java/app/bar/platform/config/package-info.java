@NullMarked
package app.bar.platform.config;

import org.jspecify.annotations.NullMarked;
