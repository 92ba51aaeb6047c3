package mx.gobiernoabierto.compromisos.command.web;

import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.support.security.Caller;
import mx.gobiernoabierto.compromisos.support.security.Callers;

/**
 * Who is sending the request: the authenticated caller's stable identifier (a configured user's {@code id}, a JWT's
 * id claim), never a display name that can change. The hash chain covers it.
 */
@Component
public class Actors {

    /**
     * The current caller's id. Every write is authenticated before it reaches a controller; a write without a caller
     * is a configuration error, so it fails rather than records an unnamed actor.
     */
    public String current() {
        return Callers.current().map(Caller::id)
                .orElseThrow(() -> new IllegalStateException("a command reached the service without an authenticated caller"));
    }
}
