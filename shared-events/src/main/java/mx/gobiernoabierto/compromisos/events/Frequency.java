package mx.gobiernoabierto.compromisos.events;

/** How often an indicator is meant to be measured. */
public enum Frequency {
    MONTHLY, QUARTERLY, SEMIANNUAL, ANNUAL
}
