package mx.gobiernoabierto.compromisos.command.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.wire.EventMetadata;

/**
 * Sends a command on behalf of the current actor, with the request's correlation id when it has one. Both go in the
 * command's metadata, from where {@code AxonConfig}'s correlation data provider copies them to every event the
 * command causes. Commands on one aggregate take turns until each one's request has committed ({@link AggregateLocks}).
 */
@Component
public class CommandSender {

    static final String CORRELATION_HEADER = "X-Correlation-Id";

    private final CommandGateway gateway;
    private final Actors actors;
    private final HttpServletRequest request;
    private final AggregateLocks locks;

    CommandSender(CommandGateway gateway, Actors actors, HttpServletRequest request, AggregateLocks locks) {
        this.gateway = gateway;
        this.actors = actors;
        this.request = request;
        this.locks = locks;
    }

    /** Sends the command, waits for it to be handled, and returns what its handler returned. */
    public <R> R send(Object command) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(EventMetadata.ACTOR, actors.current());
        String correlationId = request.getHeader(CORRELATION_HEADER);
        if (correlationId != null && !correlationId.isBlank() && correlationId.length() <= 200) {
            metadata.put(EventMetadata.CORRELATION_ID, correlationId);
        }
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(metadata);
        AggregateLocks.Held held;
        try {
            held = locks.hold(message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the aggregate's lock", e);
        }
        try {
            return gateway.sendAndWait(message);
        } finally {
            held.release();
        }
    }
}
