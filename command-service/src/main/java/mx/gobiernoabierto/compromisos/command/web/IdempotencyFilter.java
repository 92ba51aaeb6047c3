package mx.gobiernoabierto.compromisos.command.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on writes: the first request with a key runs inside one database transaction that also
 * stores its answer, so the write and the key commit together or not at all. A repeat with the same key and the
 * same method, path and body gets that stored answer and writes nothing; another body is {@code 422}. A
 * concurrent repeat waits on the key's row until the first commits. Failed requests keep no key: they wrote
 * nothing, and a retry is judged afresh.
 *
 * <p>It runs after the security filters, so a request refused there ({@code 401}, {@code 403}) never claims a key
 * nor gets a stored answer; and the caller is part of the fingerprint, so one caller's key never replays another's
 * answer.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Actors actors;

    IdempotencyFilter(JdbcClient jdbc, TransactionTemplate transactions, Actors actors) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.actors = actors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !(request.getMethod().equals("POST") || request.getMethod().equals("PUT"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            ProblemWriter.write(response, ProblemTypes.validation(
                    java.util.List.of(new ProblemTypes.FieldError(HEADER, "must be 1 to 200 characters")),
                    "invalid Idempotency-Key"));
            return;
        }
        byte[] body = CachedBodyRequest.bodyOf(request)
                .orElseThrow(() -> new IllegalStateException("the body limit filter must run before the idempotency filter"));
        String fingerprint = fingerprint(actors.current(), request.getMethod(), request.getRequestURI(), body);
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        Optional<StoredAnswer> earlier;
        try {
            earlier = remembered(key, fingerprint, request, wrapper, chain);
        } catch (RuntimeException failure) {
            if (!DatabaseUnavailable.is(failure) || response.isCommitted()) {
                throw failure;
            }
            // the key and the write commit together or not at all: the client retries with the same key
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
            ProblemWriter.write(response, DatabaseUnavailable.problem());
            return;
        }
        if (earlier.isEmpty()) {
            wrapper.copyBodyToResponse();
        } else if (!earlier.get().fingerprint().equals(fingerprint)) {
            ProblemWriter.write(response, ProblemTypes.problem(HttpStatus.UNPROCESSABLE_CONTENT,
                    ProblemTypes.IDEMPOTENCY_KEY_REUSE,
                    "this Idempotency-Key was first used with another request; use a new key for a new request"));
        } else {
            earlier.get().replay(response);
        }
    }

    /** The answer stored for this key, or empty after running the request and storing its answer with its write. */
    private Optional<StoredAnswer> remembered(String key, String fingerprint, HttpServletRequest request,
                                              ContentCachingResponseWrapper wrapper, FilterChain chain) {
        return transactions.execute(tx -> {
            boolean claimed = jdbc.sql("""
                            INSERT INTO idempotency_key (idempotency_key, fingerprint, status, headers, body)
                            VALUES (?, ?, 0, '{}', ''::bytea) ON CONFLICT (idempotency_key) DO NOTHING""")
                    .params(key, fingerprint).update() == 1;
            if (!claimed) {
                return Optional.of(stored(key));
            }
            try {
                chain.doFilter(request, wrapper);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ServletException e) {
                throw new IllegalStateException(e);
            }
            if (wrapper.getStatus() >= 200 && wrapper.getStatus() < 300) {
                jdbc.sql("UPDATE idempotency_key SET status = ?, headers = ?, body = ? WHERE idempotency_key = ?")
                        .params(wrapper.getStatus(), JSON.writeValueAsString(replayedHeaders(wrapper)),
                                wrapper.getContentAsByteArray(), key)
                        .update();
            } else {
                tx.setRollbackOnly();
            }
            return Optional.empty();
        });
    }

    private StoredAnswer stored(String key) {
        return jdbc.sql("SELECT fingerprint, status, headers, body FROM idempotency_key WHERE idempotency_key = ?")
                .param(key)
                .query((row, n) -> new StoredAnswer(row.getString("fingerprint"), row.getInt("status"),
                        JSON.readValue(row.getString("headers"), new TypeReference<Map<String, String>>() {
                        }), row.getBytes("body")))
                .single();
    }

    private static Map<String, String> replayedHeaders(HttpServletResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : new String[] {HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION, HttpHeaders.ETAG}) {
            String value = name.equals(HttpHeaders.CONTENT_TYPE) ? response.getContentType() : response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private static String fingerprint(String actor, String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((actor + "\n" + method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private record StoredAnswer(String fingerprint, int status, Map<String, String> headers, byte[] body) {
        void replay(HttpServletResponse response) throws IOException {
            response.setStatus(status);
            headers.forEach(response::setHeader);
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(body);
        }
    }
}
