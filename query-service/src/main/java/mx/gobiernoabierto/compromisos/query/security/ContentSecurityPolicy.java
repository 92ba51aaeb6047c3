package mx.gobiernoabierto.compromisos.query.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

/**
 * {@code Content-Security-Policy}: nothing may load or frame anything for the API and every other JSON answer; the
 * browsable API documentation (Swagger UI) may load its own scripts, styles and images and call this origin.
 */
final class ContentSecurityPolicy implements HeaderWriter {

    static final String HEADER = "Content-Security-Policy";
    static final String API = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String DOCS = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (response.containsHeader(HEADER)) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader(HEADER, path.startsWith("/swagger-ui") ? DOCS : API);
    }
}
