package mx.gobiernoabierto.compromisos.support.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import mx.gobiernoabierto.compromisos.support.problem.ProblemTypes;
import mx.gobiernoabierto.compromisos.support.problem.ProblemWriter;

/**
 * Answers a request that may not go on: {@code 401 /problems/unauthorized} (with {@code WWW-Authenticate}) when
 * the caller is not authenticated, {@code 403 /problems/forbidden} when it may not do this. Either way nothing
 * was written; the denial is counted ({@code compromisos.access.denied}, by reason) and logged with the principal
 * and the target.
 */
final class AccessDenials implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String METER = "compromisos.access.denied";
    private static final Logger LOG = LoggerFactory.getLogger(AccessDenials.class);

    private final MeterRegistry meters;
    private final boolean basic;
    private final boolean bearer;

    AccessDenials(MeterRegistry meters, boolean basic, boolean bearer) {
        this.meters = meters;
        this.basic = basic;
        this.bearer = bearer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        record("unauthenticated", "anonymous", request, failure.getMessage());
        List<String> challenges = new ArrayList<>();
        if (bearer) {
            challenges.add(failure instanceof OAuth2AuthenticationException
                    ? "Bearer realm=\"compromisos\", error=\"invalid_token\""
                    : "Bearer realm=\"compromisos\"");
        }
        if (basic || !bearer) {
            challenges.add("Basic realm=\"compromisos\", charset=\"UTF-8\"");
        }
        challenges.forEach(challenge -> response.addHeader(HttpHeaders.WWW_AUTHENTICATE, challenge));
        write(response, 401, ProblemTypes.UNAUTHORIZED, failure instanceof OAuth2AuthenticationException
                ? "the bearer token is invalid, expired or not meant for this service"
                : "this request needs credentials: sign in and send them with it");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        record("forbidden", Callers.describe(SecurityContextHolder.getContext().getAuthentication()), request,
                denied.getMessage());
        write(response, 403, ProblemTypes.FORBIDDEN, "your role or STL does not allow this request; nothing was written");
    }

    private void record(String reason, String principal, HttpServletRequest request, String why) {
        meters.counter(METER, "reason", reason).increment();
        LOG.warn("Access denied ({}): principal={} method={} path={} why={}", reason, principal, request.getMethod(),
                request.getRequestURI(), why);
    }

    private static void write(HttpServletResponse response, int status, String type, String detail)
            throws IOException {
        ProblemWriter.write(response, ProblemTypes.problem(HttpStatusCode.valueOf(status), type, detail));
    }
}
