package mx.gobiernoabierto.compromisos.events;

/** The Open Government Partnership values a commitment serves. */
public enum OgpValue {
    TRANSPARENCY, CIVIC_PARTICIPATION, PUBLIC_ACCOUNTABILITY, TECHNOLOGY_AND_INNOVATION
}
