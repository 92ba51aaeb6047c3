package mx.gobiernoabierto.compromisos.events;

/** Whether an indicator improves as its value goes up ({@code INCREASE}) or down ({@code DECREASE}). */
public enum Direction {
    INCREASE, DECREASE
}
