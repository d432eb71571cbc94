/** The bounded pool that every deliberately slow password computation (Argon2id) runs on. */
@NullMarked
package app.bar.platform.hashing;

import org.jspecify.annotations.NullMarked;
