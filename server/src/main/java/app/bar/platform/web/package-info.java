@NullMarked
package app.bar.platform.web;

import org.jspecify.annotations.NullMarked;
