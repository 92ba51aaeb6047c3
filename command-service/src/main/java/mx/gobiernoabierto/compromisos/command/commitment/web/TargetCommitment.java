package mx.gobiernoabierto.compromisos.command.commitment.web;

/**
 * The commitment a command on {@code /api/v1/commitments/{id}/...} is for, and the version its {@code If-Match}
 * expects ({@code null} without one). A controller method that takes one gets it checked: every id in the path is a
 * UUID and the header, when sent, is a version in quotes ({@link TargetCommitmentResolver}).
 */
record TargetCommitment(String id, Long expectedVersion) {
}
