package mx.gobiernoabierto.compromisos.events;

import java.util.Objects;

/**
 * One sector's approval of a commitment at its adoption session.
 *
 * @param sector the approving sector, never {@code null}
 * @param name   the named person who approved, never blank
 */
public record Approval(Sector sector, String name) {
    public Approval {
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(name, "name");
    }
}
