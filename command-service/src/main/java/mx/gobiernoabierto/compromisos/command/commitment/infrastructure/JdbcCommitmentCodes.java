package mx.gobiernoabierto.compromisos.command.commitment.infrastructure;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCodes;
import mx.gobiernoabierto.compromisos.command.domain.DuplicateCodeException;

/**
 * Claims codes with an insert on the primary key (plan, code), in the command's transaction: a concurrent claim
 * of the same code waits for the first transaction and then finds the row, so two commitments never share a code.
 */
@Component
class JdbcCommitmentCodes implements CommitmentCodes {

    private final JdbcClient jdbc;

    JdbcCommitmentCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(String planId, String code, String commitmentId) {
        int claimed = jdbc.sql("""
                        INSERT INTO commitment_code (plan_id, code, commitment_id) VALUES (?, ?, ?)
                        ON CONFLICT (plan_id, code) DO NOTHING""")
                .params(planId, code, commitmentId)
                .update();
        if (claimed == 0) {
            throw new DuplicateCodeException(planId, code);
        }
    }
}
