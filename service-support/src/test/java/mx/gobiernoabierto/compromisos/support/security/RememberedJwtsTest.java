package mx.gobiernoabierto.compromisos.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class RememberedJwtsTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final List<String> verified = new ArrayList<>();
    /** Accepts tokens named "good-<seconds until expiry>", refuses everything else, and records each call. */
    private final JwtDecoder verifier = token -> {
        verified.add(token);
        if (!token.startsWith("good-")) {
            throw new BadJwtException("refused: " + token);
        }
        Instant expiry = T0.plusSeconds(Long.parseLong(token.substring("good-".length())));
        if (!clock.instant().isBefore(expiry)) {
            throw new BadJwtException("expired: " + token);
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("usr-1").expiresAt(expiry).build();
    };
    private final RememberedJwts decoder = new RememberedJwts(verifier, clock, 3, Duration.ofMinutes(5));

    @Test
    void aTokenIsVerifiedOnceAndTheSameJwtIsAnsweredAfterwards() {
        Jwt first = decoder.decode("good-600");
        Jwt second = decoder.decode("good-600");

        assertThat(second).isSameAs(first);
        assertThat(verified).containsExactly("good-600");
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verified).containsExactly("forged", "forged");
    }

    @Test
    void aTokenIsVerifiedAgainOnceItExpired() {
        decoder.decode("good-60");
        clock.set(T0.plusSeconds(60));

        assertThatThrownBy(() -> decoder.decode("good-60")).isInstanceOf(BadJwtException.class).hasMessageContaining("expired");
        assertThat(verified).containsExactly("good-60", "good-60");
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
        decoder.decode("good-3600");
        clock.set(T0.plus(Duration.ofMinutes(5)).minusMillis(1));
        decoder.decode("good-3600");
        clock.set(T0.plus(Duration.ofMinutes(5)));
        decoder.decode("good-3600");

        assertThat(verified).containsExactly("good-3600", "good-3600");
    }

    @Test
    void beyondItsCapacityItForgetsAndVerifiesAgain() {
        for (String token : List.of("good-600", "good-601", "good-602", "good-603")) {
            decoder.decode(token);
        }
        decoder.decode("good-603");
        decoder.decode("good-600");

        assertThat(verified).containsExactly("good-600", "good-601", "good-602", "good-603", "good-600");
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
