package mx.gobiernoabierto.compromisos.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

/**
 * {@code Content-Security-Policy}: nothing may load or frame anything for the API and every other JSON answer; the
 * browsable API documentation (Swagger UI) may load its own scripts, styles and images and call this origin. A
 * service that serves pages replaces this bean with a subclass that gives its pages their own policy
 * ({@link #policyFor}); an answer that already carries a policy keeps it.
 */
public class ContentSecurityPolicy implements HeaderWriter {

    public static final String HEADER = "Content-Security-Policy";
    public static final String API = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    public static final String DOCS = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Override
    public final void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (response.containsHeader(HEADER)) {
            return;
        }
        response.setHeader(HEADER, policyFor(request.getRequestURI().substring(request.getContextPath().length())));
    }

    /** The policy for a path (without the context path). */
    protected String policyFor(String path) {
        return path.startsWith("/swagger-ui") ? DOCS : API;
    }
}
