package mx.gobiernoabierto.compromisos.query.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means that the database cannot be reached (down, restarting, recovering) rather than that
 * the request is wrong or the code is: such a failure is answered {@code 503 /problems/unavailable} with
 * {@code Retry-After}, so that a client retries instead of giving up.
 */
final class DatabaseUnavailable {

    static final String TYPE = "unavailable";
    static final String RETRY_AFTER_SECONDS = "2";
    static final String DETAIL = "the database cannot be reached just now; retry shortly";

    private DatabaseUnavailable() {
    }

    static boolean is(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            // a commit or rollback that failed in JDBC itself (a failure the database answered, such as a constraint
            // checked at commit, is translated to another exception): the connection is gone
            if (t instanceof TransactionSystemException system && (system.getCause() instanceof SQLException
                    || system.getApplicationException() != null && is(system.getApplicationException()))) {
                return true;
            }
            // SQLSTATE class 08: connection exception; 57P01-57P03: shutting down, crashed, starting up or recovering
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        problem.setType(java.net.URI.create("/problems/" + TYPE));
        problem.setTitle(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
        return problem;
    }

    static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return headers;
    }
}
