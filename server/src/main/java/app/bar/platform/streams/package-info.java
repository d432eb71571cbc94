/** The bound on concurrent content streams (uploads and downloads), derived from the heap. */
@NullMarked
package app.bar.platform.streams;

import org.jspecify.annotations.NullMarked;
