package mx.gobiernoabierto.compromisos.command.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.wire.EventMetadata;

/**
 * Sends a command on behalf of the current actor, with the request's correlation id when it has one. Both go in the
 * command's metadata, from where {@code AxonConfig}'s correlation data provider copies them to every event the
 * command causes.
 */
@Component
public class CommandSender {

    static final String CORRELATION_HEADER = "X-Correlation-Id";

    private final CommandGateway gateway;
    private final Actors actors;
    private final HttpServletRequest request;

    CommandSender(CommandGateway gateway, Actors actors, HttpServletRequest request) {
        this.gateway = gateway;
        this.actors = actors;
        this.request = request;
    }

    /** Sends the command, waits for it to be handled, and returns what its handler returned. */
    public <R> R send(Object command) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(EventMetadata.ACTOR, actors.current());
        String correlationId = request.getHeader(CORRELATION_HEADER);
        if (correlationId != null && !correlationId.isBlank() && correlationId.length() <= 200) {
            metadata.put(EventMetadata.CORRELATION_ID, correlationId);
        }
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
    }
}
