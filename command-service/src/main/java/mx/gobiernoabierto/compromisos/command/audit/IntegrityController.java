package mx.gobiernoabierto.compromisos.command.audit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import mx.gobiernoabierto.compromisos.command.domain.NotFoundException;
import mx.gobiernoabierto.compromisos.command.web.Ids;
import mx.gobiernoabierto.compromisos.events.chain.HashChain;

/** The auditor's check on the source of truth: the chain recomputed from the event store itself. */
@RestController
class IntegrityController {

    private final StoredChain chain;

    IntegrityController(StoredChain chain) {
        this.chain = chain;
    }

    @GetMapping("/api/v1/commitments/{commitmentId}/integrity")
    IntegrityResponse integrity(@PathVariable String commitmentId) {
        Ids.require("commitmentId", commitmentId);
        List<HashChain.Link> links = chain.read(commitmentId);
        if (links.isEmpty()) {
            throw new NotFoundException("commitment", commitmentId);
        }
        HashChain.Verification verification = HashChain.verify(commitmentId, links);
        return new IntegrityResponse(commitmentId, verification.valid(), verification.events(),
                verification.headHash(), verification.firstInvalidSequence());
    }

    record IntegrityResponse(String commitmentId, boolean valid, int events, String headHash,
                             Long firstInvalidSequence) {
    }
}
