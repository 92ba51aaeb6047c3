package mx.gobiernoabierto.compromisos.command.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.command.config.CompromisosProperties;

/** Forgets answers to idempotent requests once they are older than the retention (7 days unless configured). */
@Component
public class IdempotencyKeyExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeyExpiry.class);

    private final JdbcClient jdbc;
    private final CompromisosProperties properties;

    IdempotencyKeyExpiry(JdbcClient jdbc, CompromisosProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public int expire() {
        int forgotten = jdbc.sql("DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => ?)")
                .param(properties.idempotencyRetention().toSeconds())
                .update();
        if (forgotten > 0) {
            LOG.info("Forgot {} idempotency keys older than {}", forgotten, properties.idempotencyRetention());
        }
        return forgotten;
    }
}
