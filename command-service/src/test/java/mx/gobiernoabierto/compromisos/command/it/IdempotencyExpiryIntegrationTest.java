package mx.gobiernoabierto.compromisos.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import mx.gobiernoabierto.compromisos.command.web.IdempotencyKeyExpiry;

class IdempotencyExpiryIntegrationTest extends IntegrationTest {

    @Autowired
    IdempotencyKeyExpiry expiry;

    @Test
    void answersOlderThanTheRetentionAreForgottenAndYoungerOnesKept() {
        String old = "old-" + UUID.randomUUID();
        String day = "day-" + UUID.randomUUID();
        String fresh = "fresh-" + UUID.randomUUID();
        insert(old, "now() - interval '8 days'");
        insert(day, "now() - interval '25 hours'");
        insert(fresh, "now()");

        assertThat(expiry.expire()).isGreaterThanOrEqualTo(1);

        assertThat(exists(old)).as("older than the 7-day retention").isFalse();
        assertThat(exists(day)).as("a day old: the contract keeps keys at least 24 h, this service 7 days").isTrue();
        assertThat(exists(fresh)).isTrue();
    }

    private void insert(String key, String createdAt) {
        jdbc.sql("INSERT INTO idempotency_key (idempotency_key, fingerprint, status, headers, body, created_at)"
                + " VALUES (?, 'f', 201, '{}', ''::bytea, " + createdAt + ")").param(key).update();
    }

    private boolean exists(String key) {
        return jdbc.sql("SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?").param(key)
                .query(Long.class).single() == 1;
    }
}
