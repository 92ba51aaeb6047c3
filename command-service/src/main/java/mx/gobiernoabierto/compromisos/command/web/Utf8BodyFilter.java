package mx.gobiernoabierto.compromisos.command.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import mx.gobiernoabierto.compromisos.support.problem.ProblemTypes;
import mx.gobiernoabierto.compromisos.support.problem.ProblemWriter;
import mx.gobiernoabierto.compromisos.support.http.CachedBodyRequest;

/**
 * A JSON body must be well-formed UTF-8, as the contract says: the JSON parser decodes leniently (it reads an
 * overlong {@code C0 AF} as {@code /}), so the bytes are checked strictly first, and anything else is a {@code 400}.
 * It runs after authentication, so an unauthenticated caller hears {@code 401} whatever it sent.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 5)
class Utf8BodyFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).contains("json")
                || CachedBodyRequest.bodyOf(request).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = CachedBodyRequest.bodyOf(request).orElseThrow();
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            ProblemWriter.write(response, ProblemTypes.validation(List.of(), "the request body is not well-formed UTF-8"));
            return;
        }
        chain.doFilter(request, response);
    }
}
