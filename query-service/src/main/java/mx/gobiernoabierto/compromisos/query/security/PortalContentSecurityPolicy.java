package mx.gobiernoabierto.compromisos.query.security;

import mx.gobiernoabierto.compromisos.support.security.ContentSecurityPolicy;

/**
 * service-support's policy (the API and every JSON answer: nothing; the API documentation: its own assets), and for
 * the portal's pages their own: they may load their own styles and scripts (no inline ones), images from this
 * origin, send their GET forms here, and call this origin and the command service (the in-browser chain check
 * compares its answer).
 */
final class PortalContentSecurityPolicy extends ContentSecurityPolicy {

    private final String pages;

    /** @param commandServiceOrigin the command service's origin, e.g. {@code http://localhost:8081} */
    PortalContentSecurityPolicy(String commandServiceOrigin) {
        this.pages = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self';"
                + " connect-src 'self' " + commandServiceOrigin + "; form-action 'self'; frame-ancestors 'none';"
                + " base-uri 'none'";
    }

    @Override
    protected String policyFor(String path) {
        if (path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/")
                || path.startsWith("/error") || path.startsWith("/swagger-ui")) {
            return super.policyFor(path);
        }
        return pages;
    }
}
