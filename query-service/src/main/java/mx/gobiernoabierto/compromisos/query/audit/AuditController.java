package mx.gobiernoabierto.compromisos.query.audit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.events.chain.HashChain;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.query.web.NotFoundException;
import mx.gobiernoabierto.compromisos.query.web.QueryParams;

/** The auditors' side: every event of a commitment with who and when, and the chain recomputed from them. */
@RestController
class AuditController {

    private final EventArchive archive;

    AuditController(EventArchive archive) {
        this.archive = archive;
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
        return new Integrity(commitmentId, verification.valid(), verification.events(), verification.headHash(),
                verification.firstInvalidSequence());
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

    record Integrity(String commitmentId, boolean valid, int events, String headHash, Long firstInvalidSequence) {
    }
}
