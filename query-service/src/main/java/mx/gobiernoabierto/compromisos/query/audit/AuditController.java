package mx.gobiernoabierto.compromisos.query.audit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.events.chain.HashChain;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.query.commitment.projection.Divergences;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewStore;
import mx.gobiernoabierto.compromisos.query.web.NotFoundException;
import mx.gobiernoabierto.compromisos.query.web.QueryParams;

/** The auditors' side: every event of a commitment with who and when, and the chain recomputed from them. */
@RestController
class AuditController {

    private final EventArchive archive;
    private final Divergences divergences;

    AuditController(EventArchive archive, Divergences divergences) {
        this.archive = archive;
        this.divergences = divergences;
    }

    @GetMapping("/api/v1/commitments/{commitmentId}/history")
    History history(@PathVariable String commitmentId) {
        List<EventEnvelope> events = stream(commitmentId);
        return new History(commitmentId, events.stream()
                .map(e -> new HistoryEvent(e.sequence(), e.type(), e.occurredAt(), e.actor(), e.payload(),
                        e.prevHash(), e.hash()))
                .toList());
    }

    @GetMapping("/api/v1/commitments/{commitmentId}/integrity")
    Integrity integrity(@PathVariable String commitmentId) {
        List<EventEnvelope> events = stream(commitmentId);
        HashChain.Verification verification = HashChain.verify(commitmentId, events.stream()
                .map(e -> new HashChain.Link(e.sequence(), e.type(), e.occurredAt(), e.actor(), e.payload(),
                        e.prevHash(), e.hash()))
                .toList());
        List<Divergences.Divergence> found = divergences.of(commitmentId);
        List<Divergences.Divergence> unresolved = found.stream().filter(d -> d.resolvedAt() == null).toList();
        // two events received at one sequence: the archive's chain may verify, yet the query side cannot vouch for
        // this history until an auditor resolves it, so neither may its answer
        Long firstInvalid = verification.firstInvalidSequence();
        for (Divergences.Divergence divergence : unresolved) {
            firstInvalid = firstInvalid == null ? divergence.sequence() : Math.min(firstInvalid, divergence.sequence());
        }
        Long heldAt = unresolved.stream().map(Divergences.Divergence::heldAfterSequence).min(Long::compare).orElse(null);
        return new Integrity(commitmentId, verification.valid() && unresolved.isEmpty(), verification.events(),
                verification.headHash(), firstInvalid, !unresolved.isEmpty(), heldAt,
                found.stream().map(d -> new Disagreement(d.sequence(), d.storedEventId(), d.storedHash(),
                        d.receivedEventId(), d.receivedHash(), ViewStore.instant(d.detectedAt()),
                        ViewStore.instant(d.resolvedAt()))).toList());
    }

    private List<EventEnvelope> stream(String commitmentId) {
        QueryParams.id("commitmentId", commitmentId);
        List<EventEnvelope> events = archive.stream(commitmentId);
        if (events.isEmpty() || !"Commitment".equals(events.getFirst().aggregateType())) {
            throw new NotFoundException("commitment", commitmentId);
        }
        return events;
    }

    record History(String commitmentId, List<HistoryEvent> events) {
    }

    record HistoryEvent(long sequence, String type, String occurredAt, String actor, JsonNode payload,
                        String prevHash, String hash) {
    }

    /**
     * @param divergent     an event other than the archived one arrived at some sequence and is not resolved
     * @param heldAtVersion while divergent, the version the commitment's views are held at
     * @param divergences   every such record, resolved or not: which sequence disagrees with what
     */
    record Integrity(String commitmentId, boolean valid, int events, String headHash, Long firstInvalidSequence,
                     boolean divergent, Long heldAtVersion, List<Disagreement> divergences) {
    }

    /** At {@code sequence} the archive keeps {@code stored…}; {@code received…} arrived there too. */
    record Disagreement(long sequence, String storedEventId, String storedHash, String receivedEventId,
                        String receivedHash, String detectedAt, String resolvedAt) {
    }
}
