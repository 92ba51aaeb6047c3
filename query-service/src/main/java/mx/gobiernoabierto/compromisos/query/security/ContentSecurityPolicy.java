package mx.gobiernoabierto.compromisos.query.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

/**
 * {@code Content-Security-Policy}: nothing may load or frame anything for the API and every other JSON answer; the
 * browsable API documentation (Swagger UI) may load its own scripts, styles and images and call this origin; the
 * portal's pages may load their own styles and scripts (no inline ones), images from this origin, send their GET
 * forms here, and call this origin and the command service (the in-browser chain check compares its answer).
 */
final class ContentSecurityPolicy implements HeaderWriter {

    static final String HEADER = "Content-Security-Policy";
    static final String API = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String DOCS = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private final String pages;

    /** @param commandServiceOrigin the command service's origin, e.g. {@code http://localhost:8081} */
    ContentSecurityPolicy(String commandServiceOrigin) {
        this.pages = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self';"
                + " connect-src 'self' " + commandServiceOrigin + "; form-action 'self'; frame-ancestors 'none';"
                + " base-uri 'none'";
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (response.containsHeader(HEADER)) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String policy;
        if (path.startsWith("/swagger-ui")) {
            policy = DOCS;
        } else if (path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/")
                || path.startsWith("/error")) {
            policy = API;
        } else {
            policy = pages;
        }
        response.setHeader(HEADER, policy);
    }
}
