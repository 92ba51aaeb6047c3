package mx.gobiernoabierto.compromisos.command.commitment.domain;

import mx.gobiernoabierto.compromisos.command.domain.DuplicateCodeException;

/** Keeps commitment codes unique per plan, in the same transaction as the append of the drafting event. */
public interface CommitmentCodes {

    /**
     * Claims {@code code} in {@code planId} for the commitment; the claim is undone if the transaction rolls back.
     *
     * @throws DuplicateCodeException if the code is already claimed in that plan
     */
    void claim(String planId, String code, String commitmentId);
}
