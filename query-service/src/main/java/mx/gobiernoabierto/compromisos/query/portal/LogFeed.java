package mx.gobiernoabierto.compromisos.query.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import mx.gobiernoabierto.compromisos.events.chain.HashChain;
import mx.gobiernoabierto.compromisos.query.transparency.CheckpointFeed;

/**
 * {@code /registro/feed.atom}: the transparency log's signed checkpoints as an Atom feed (RFC 4287), so a
 * transparency body or a journalist can keep them with any feed reader: one entry per checkpoint, newest first, the
 * signed note itself as the entry's text content (verifiable with the command service's public key). The entry id
 * is derived from the note's SHA-256, so the same checkpoint is the same entry however often it is fetched.
 */
@Controller
class LogFeed {

    /** Enough for a reader polling daily at one checkpoint every 30 s at most; the JSON history has them all. */
    private static final int ENTRIES = 500;

    private final CheckpointFeed checkpoints;
    private final MessageSource messages;

    LogFeed(CheckpointFeed checkpoints, MessageSource messages) {
        this.checkpoints = checkpoints;
        this.messages = messages;
    }

    @GetMapping("/registro/feed.atom")
    ResponseEntity<String> feed(HttpServletRequest request) {
        List<CheckpointFeed.Kept> newestFirst = checkpoints.page(0, ENTRIES);
        String base = Feeds.base(request);
        String updated = newestFirst.isEmpty() ? AtomFeed.NEVER
                : HashChain.formatInstant(newestFirst.getFirst().publishedAt());
        return AtomFeed.answer(new AtomFeed.Head(base + "/registro/feed.atom", say("feed.registro"),
                say("feed.registro.subtitulo"), updated, base + "/registro/feed.atom",
                base + "/datos#puntos-de-control", say("sitio.nombre")), feed -> {
                    for (CheckpointFeed.Kept kept : newestFirst) {
                        feed.entry("urn:compromisos:punto-de-control:" + sha256(kept.note()),
                                say("feed.registro.entrada", kept.treeSize(), kept.origin()),
                                HashChain.formatInstant(kept.publishedAt()), rest -> {
                                    rest.link("alternate", base + "/api/v1/log/checkpoints", "application/json");
                                    rest.text("summary", say("feed.registro.resumen", kept.treeSize(),
                                            kept.rootHash(), HashChain.formatInstant(kept.receivedAt())));
                                    rest.text("content", kept.note());
                                });
                    }
                });
    }

    private static String sha256(String note) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(note.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, Formats.ES_MX);
    }
}
