package mx.gobiernoabierto.compromisos.query.transparency;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import mx.gobiernoabierto.compromisos.events.chain.HashChain;
import mx.gobiernoabierto.compromisos.query.web.NotFoundException;
import mx.gobiernoabierto.compromisos.query.web.QueryParams;

/**
 * The history of the transparency log's signed checkpoints, for witnesses to keep and for the portal to show: newest
 * first, paged, each with its signed note exactly as published.
 */
@RestController
class CheckpointController {

    private final CheckpointFeed feed;

    CheckpointController(CheckpointFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/api/v1/log/checkpoints")
    CheckpointPage checkpoints(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        QueryParams.range("page", page, 0, Integer.MAX_VALUE / 500);
        QueryParams.range("size", size, 1, 500);
        List<CheckpointItem> items = feed.page(page, size).stream()
                .map(kept -> new CheckpointItem(kept.origin(), kept.treeSize(), kept.rootHash(), kept.note(),
                        format(kept.publishedAt()), format(kept.receivedAt())))
                .toList();
        return new CheckpointPage(items, page, size, feed.count());
    }

    @GetMapping(path = "/api/v1/log/checkpoint", produces = "text/plain;charset=UTF-8")
    String latest() {
        return feed.latestNote().orElseThrow(() -> new NotFoundException("checkpoint", "latest"));
    }

    private static String format(Instant instant) {
        return HashChain.formatInstant(instant);
    }

    /**
     * @param rootHash    base64, as in the note
     * @param note        the signed note, verifiable with the command service's {@code /api/v1/log/public-key}
     * @param publishedAt when the command service published it
     * @param receivedAt  when this service kept it
     */
    record CheckpointItem(String origin, long treeSize, String rootHash, String note, String publishedAt,
                          String receivedAt) {
    }

    record CheckpointPage(List<CheckpointItem> items, int page, int size, long totalItems) {
    }
}
