package mx.gobiernoabierto.compromisos.events;

/** The completion level of an evaluation, in the vocabulary of the OGP Independent Reporting Mechanism. */
public enum CompletionLevel {
    NOT_STARTED, LIMITED, SUBSTANTIAL, COMPLETE
}
