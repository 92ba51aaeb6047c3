package mx.gobiernoabierto.compromisos.command.commitment.domain;

import java.util.LinkedHashSet;
import java.util.Set;

import mx.gobiernoabierto.compromisos.command.domain.DuplicateCodeException;

/** A fake of the port: codes claimed per plan, in memory. The JDBC implementation is integration-tested. */
final class InMemoryCommitmentCodes implements CommitmentCodes {

    private final Set<String> claimed = new LinkedHashSet<>();

    @Override
    public void claim(String planId, String code, String commitmentId) {
        if (!claimed.add(planId + "/" + code)) {
            throw new DuplicateCodeException(planId, code);
        }
    }

    /** The claims made so far, each as {@code planId/code}. */
    Set<String> claimed() {
        return Set.copyOf(claimed);
    }
}
