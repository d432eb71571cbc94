/**
 * The operator's brand (issue 20 item 5): instance name, logo, accent colour, footer text and
 * links, a notice banner, from {@code bar.branding.*}. Validated before the context starts
 * ({@code BrandingProductionCheck}); its public face is {@link app.bar.branding.Branding}, which
 * the pages ({@code web}) and the mails ({@code mail}) render, escaped. The logo and the accent
 * colour are served as files ({@code /branding/logo}, {@code /branding.css}), so the pages keep
 * their strict CSP: no inline style, images from our own origin only.
 */
@ApplicationModule(allowedDependencies = "platform")
@NullMarked
package app.bar.branding;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
