/**
 * The message catalogues (issue 17, docs/i18n.md): {@link app.bar.web.i18n.Catalogues} for pages
 * and mails, and {@code GET /i18n/<lang>.json} for the browser's {@code static/js/i18n.mjs}. Other
 * modules (mails, the account's language) use it as the named interface {@code web :: i18n}.
 */
@NamedInterface("i18n")
@NullMarked
package app.bar.web.i18n;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
