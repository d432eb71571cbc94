/**
 * The web UI: plain HTML, CSS and ES modules under {@code static/}, served by the server itself
 * (DESIGN.md §2). This module only maps the page routes to their HTML files; everything a page
 * does goes through the public JSON API, and all cryptography of zero-knowledge shares runs in
 * the browser ({@code static/js/bar-format.mjs}).
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package app.bar.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
