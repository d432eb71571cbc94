/**
 * The web UI: plain HTML pages (under {@code pages/}, each put together with the shared layout at
 * start-up), CSS and ES modules under {@code static/}, served by the server itself (DESIGN.md §2).
 * This module only maps the page routes to their pages (with the operator's brand, from
 * {@code branding}) and declares their policies; everything a
 * page does goes through the public JSON API, and all cryptography of zero-knowledge shares runs
 * in the browser ({@code static/js/bar-format.mjs}).
 */
@ApplicationModule(allowedDependencies = {"platform", "branding"})
@NullMarked
package app.bar.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
