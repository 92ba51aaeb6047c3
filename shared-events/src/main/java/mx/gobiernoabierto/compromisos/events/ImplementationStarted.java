package mx.gobiernoabierto.compromisos.events;

import java.time.LocalDate;

/**
 * Implementation of an adopted commitment started: {@code ADOPTED → IN_IMPLEMENTATION}.
 *
 * @param startedOn not in the future
 */
@EventRevision(1)
public record ImplementationStarted(String commitmentId, LocalDate startedOn) implements CommitmentEvent {
}
