package mx.gobiernoabierto.compromisos.command.web;

import org.springframework.stereotype.Component;

/**
 * Who is sending the request. Until authentication exists every write is recorded as {@code anonymous}; the
 * hash chain covers the actor, so this is the one place that will change.
 */
@Component
public class Actors {

    public String current() {
        return "anonymous";
    }
}
