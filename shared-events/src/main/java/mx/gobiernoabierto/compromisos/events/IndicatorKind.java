package mx.gobiernoabierto.compromisos.events;

/** What an indicator measures, from the work done ({@code PROCESS}) to the lasting change ({@code IMPACT}). */
public enum IndicatorKind {
    PROCESS, OUTPUT, OUTCOME, IMPACT
}
