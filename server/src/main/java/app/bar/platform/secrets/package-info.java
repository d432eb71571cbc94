/** Secret values and key rings: types that never print what they hold. */
@NullMarked
package app.bar.platform.secrets;

import org.jspecify.annotations.NullMarked;
