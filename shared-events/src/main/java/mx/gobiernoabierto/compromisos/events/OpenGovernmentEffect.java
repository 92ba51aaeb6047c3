package mx.gobiernoabierto.compromisos.events;

/** The IRM's answer to "did it open government?" for an evaluated commitment. */
public enum OpenGovernmentEffect {
    WORSENED, DID_NOT_CHANGE, MARGINAL, MAJOR, OUTSTANDING
}
