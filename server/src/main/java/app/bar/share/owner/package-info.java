/**
 * What owners see and do: the dashboard API (their shares, a share's access log), burning a
 * share, and the end of every share of a deleted account.
 */
@NullMarked
package app.bar.share.owner;

import org.jspecify.annotations.NullMarked;
