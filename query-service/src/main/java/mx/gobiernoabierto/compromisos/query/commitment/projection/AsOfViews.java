package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.CommitmentEvent;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.query.audit.EventArchive;

/**
 * A commitment as it stood at an instant: the fold of its archived events that occurred at or before the instant,
 * as far as they run without a gap from its first. The fold starts from the last checkpoint (kept every
 * {@link Projector#CHECKPOINT_EVERY} versions by the same fold) below the first event that occurred after the instant,
 * so it reads at most that many events whatever the commitment's length; without a checkpoint it folds from the first
 * event.
 */
@Component
public class AsOfViews {

    private final EventArchive archive;
    private final ViewStore store;

    AsOfViews(EventArchive archive, ViewStore store) {
        this.archive = archive;
        this.store = store;
    }

    /** The commitment as it stood at the instant; empty if it had no event by then. */
    public Optional<CommitmentState> at(String commitmentId, Instant instant) {
        OptionalLong late = archive.firstAfter(commitmentId, instant);
        // every event up to a checkpoint was archived (the fold applied them), and those below the first late one
        // occurred at or before the instant
        Optional<CommitmentState> checkpoint = store.checkpoint(ViewTables.LIVE, commitmentId,
                late.isPresent() ? late.getAsLong() - 1 : Long.MAX_VALUE);
        long from = checkpoint.map(state -> state.version() + 1).orElse(0L);
        List<EventEnvelope> events = archive.streamUntil(commitmentId, instant, from);
        if (checkpoint.isEmpty() && (events.isEmpty() || !(events.getFirst().event() instanceof CommitmentEvent))) {
            return Optional.empty();
        }
        CommitmentState state = checkpoint.orElse(null);
        for (EventEnvelope envelope : events) {
            FoldInput input = FoldInput.from(envelope);
            state = CommitmentFold.apply(state, input.event(), input.sequence(), input.occurredAt());
        }
        return Optional.of(state);
    }
}
