package mx.gobiernoabierto.compromisos.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnavailableTest {

    @Test
    void aPoolTimeoutOrARefusedConnectionMeansTheDatabaseIsUnavailable() {
        assertThat(DatabaseUnavailable.is(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
        assertThat(DatabaseUnavailable.is(new RuntimeException(new SQLException("Connection refused", "08001")))).isTrue();
    }

    @Test
    void aServerShuttingDownOrRecoveringIsUnavailableEvenDeepInAnAxonFailure() {
        SQLException recovering = new SQLException("the database system is in recovery mode", "57P03");
        assertThat(DatabaseUnavailable.is(new CommandExecutionException("failed", new IllegalStateException(recovering))))
                .isTrue();
        assertThat(DatabaseUnavailable.is(new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
    }

    @Test
    void aRollbackThatFailsBecauseThePoolClosedTheConnectionIsAnOutage() {
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        assertThat(DatabaseUnavailable.is(rollbackFailed)).isTrue();
    }

    @Test
    void aBrokenRuleOrABugIsNotAnOutage() {
        assertThat(DatabaseUnavailable.is(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.is(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void theProblemTellsTheClientToRetryWithTheSameKey() {
        assertThat(DatabaseUnavailable.problem().getStatus()).isEqualTo(503);
        assertThat(DatabaseUnavailable.problem().getType().toString()).isEqualTo("/problems/unavailable");
        assertThat(DatabaseUnavailable.problem().getDetail()).contains("Idempotency-Key");
        assertThat(DatabaseUnavailable.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
    }
}
