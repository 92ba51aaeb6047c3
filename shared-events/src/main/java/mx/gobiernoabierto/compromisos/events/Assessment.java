package mx.gobiernoabierto.compromisos.events;

/** The STL's own assessment of a commitment in a monitoring report. */
public enum Assessment {
    ON_TRACK, AT_RISK, OFF_TRACK
}
