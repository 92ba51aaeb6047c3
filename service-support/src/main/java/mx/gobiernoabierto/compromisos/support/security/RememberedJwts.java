package mx.gobiernoabierto.compromisos.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A JWT decoder that verifies each token once: a client sends the same bearer token with every request until it
 * expires, and checking its signature and claims again each time cost a command service about a tenth of its CPU.
 * A token is remembered by its exact text (so by its signature too) only after the given decoder accepted it, and
 * only until the earlier of its expiry and {@code maxAge} after it was verified (so that a signing key withdrawn from
 * the issuer's key set stops being honoured within {@code maxAge}); after that it is verified afresh. A token that
 * fails verification is never remembered.
 *
 * <p>At most {@code capacity} tokens are remembered; beyond that, the outdated ones are dropped, and if that is not
 * enough, all of them (they are verified again on their next use, nothing else is lost).
 */
final class RememberedJwts implements JwtDecoder {

    static final int CAPACITY = 10_000;
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final JwtDecoder verifier;
    private final Clock clock;
    private final int capacity;
    private final Duration maxAge;
    private final Map<String, Remembered> tokens = new ConcurrentHashMap<>();

    RememberedJwts(JwtDecoder verifier) {
        this(verifier, Clock.systemUTC(), CAPACITY, MAX_AGE);
    }

    RememberedJwts(JwtDecoder verifier, Clock clock, int capacity, Duration maxAge) {
        this.verifier = verifier;
        this.clock = clock;
        this.capacity = capacity;
        this.maxAge = maxAge;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Remembered remembered = tokens.get(token);
        if (remembered != null) {
            if (now.isBefore(remembered.until())) {
                return remembered.jwt();
            }
            tokens.remove(token, remembered);
        }
        Jwt jwt = verifier.decode(token);
        Instant until = now.plus(maxAge);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (now.isBefore(until)) {
            if (tokens.size() >= capacity) {
                tokens.values().removeIf(r -> !now.isBefore(r.until()));
                if (tokens.size() >= capacity) {
                    tokens.clear();
                }
            }
            tokens.put(token, new Remembered(jwt, until));
        }
        return jwt;
    }

    private record Remembered(Jwt jwt, Instant until) {
    }
}
