package mx.gobiernoabierto.compromisos.support.http;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import mx.gobiernoabierto.compromisos.support.problem.ProblemTypes;
import mx.gobiernoabierto.compromisos.support.problem.ProblemWriter;

/**
 * Refuses request bodies over 1 MiB with {@code 413 /problems/payload-too-large} before anything (authentication
 * included) reads them, whatever the method: a declared length over the limit is refused unread; any other body
 * (with a length or in chunks, which declare none) is read up to one byte past the limit and, when it fits, kept
 * ({@link CachedBodyRequest}) so that later filters (idempotency) and the controller can both read it. Form posts
 * (the workspace's pages) are the exception once their declared length fits: the container parses their fields.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    public static final int MAX_BODY_BYTES = 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            tooLarge(response);
            return;
        }
        if (isForm(request)) {
            // a form's fields are read by the container (request parameters, CSRF token included): reading the body
            // here would leave them empty; its size is bounded by the container (maxPostSize, multipart limits)
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            tooLarge(response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        String lower = type.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/form-data");
    }

    private static void tooLarge(HttpServletResponse response) throws IOException {
        // the rest of the body is never read: the connection cannot serve another request
        response.setHeader("Connection", "close");
        ProblemWriter.write(response, ProblemTypes.problem(HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
                "the request body is larger than 1 MiB"));
    }
}
