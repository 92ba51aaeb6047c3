package mx.gobiernoabierto.compromisos.events;

import java.util.List;

/** Lists in events are never {@code null} and never change after construction. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
