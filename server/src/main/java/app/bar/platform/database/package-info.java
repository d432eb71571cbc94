/**
 * The embedded H2 database's durable group commit (issue 12): every write an answer depends on
 * is on disk before the answer, at the cost of one chunk write for many commits.
 */
@NullMarked
package app.bar.platform.database;

import org.jspecify.annotations.NullMarked;
