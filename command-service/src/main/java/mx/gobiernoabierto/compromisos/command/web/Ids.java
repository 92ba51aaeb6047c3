package mx.gobiernoabierto.compromisos.command.web;

import java.util.UUID;

import mx.gobiernoabierto.compromisos.command.domain.InvalidInputException;
import mx.gobiernoabierto.compromisos.events.Identifiers;

/** Server-generated ids are lower-case UUID strings; anything else in a path is bad input. */
public final class Ids {

    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static void require(String field, String id) {
        if (!Identifiers.isId(id)) {
            throw new InvalidInputException(field, field + " must be a UUID such as 3f2b8c1e-6d4a-4f7e-9a1b-2c3d4e5f6a7b");
        }
    }
}
