package app.bar.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes the security headers (DESIGN.md §4) on an answer the platform gives before Spring
 * Security's filter chain has run or after it reset the response: the slow-body defence's 429
 * and 408. Implemented by the {@code security} module, which owns the header list.
 */
public interface RefusalHeaders {

    void write(HttpServletRequest request, HttpServletResponse response);
}
