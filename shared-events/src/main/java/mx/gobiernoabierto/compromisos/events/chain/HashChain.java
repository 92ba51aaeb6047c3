package mx.gobiernoabierto.compromisos.events.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The audit hash chain of an aggregate's stream. {@code hash} is the lowercase hex SHA-256 of the UTF-8 bytes
 * of seven lines joined by {@code \n}, without a trailing newline: {@code prevHash} (64 zeros for sequence 0),
 * the aggregate id, the sequence in decimal, the type, {@code occurredAt} with exactly three fraction digits
 * and {@code Z}, the actor, and the RFC 8785 canonical JSON of the payload. {@code prevHash} of event n is the
 * {@code hash} of event n−1, so changing, removing or reordering any event breaks every later link.
 */
public final class HashChain {

    /** The {@code prevHash} of the first event of every stream: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter INSTANT_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private HashChain() {
    }

    /** An instant as the chain and the API write it: UTC, three fraction digits (truncated), {@code Z}. */
    public static String formatInstant(Instant instant) {
        return INSTANT_MILLIS.format(instant);
    }

    /** The hash of one event, {@code occurredAt} as {@link #formatInstant} writes it. */
    public static String hash(String prevHash, String aggregateId, long sequence, String type, String occurredAt,
                              String actor, JsonNode payload) {
        String text = String.join("\n", prevHash, aggregateId, Long.toString(sequence), type, occurredAt, actor,
                CanonicalJson.canonicalize(payload));
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Recomputes a stream's chain from its events in the order given.
     *
     * @param aggregateId the stream's aggregate id
     * @param links       the stream's events, expected in sequence order from 0
     * @return whether every link holds and, if not, the sequence of the first that does not
     */
    public static Verification verify(String aggregateId, List<Link> links) {
        String expectedPrev = GENESIS;
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            boolean holds = link.sequence() == i
                    && expectedPrev.equals(link.prevHash())
                    && hash(expectedPrev, aggregateId, link.sequence(), link.type(), link.occurredAt(), link.actor(),
                    link.payload()).equals(link.hash());
            if (!holds) {
                return new Verification(false, links.size(), headHash(links), link.sequence());
            }
            expectedPrev = link.hash();
        }
        return new Verification(true, links.size(), headHash(links), null);
    }

    private static String headHash(List<Link> links) {
        return links.isEmpty() ? null : links.getLast().hash();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * One stored event as the chain sees it.
     *
     * @param occurredAt as {@link #formatInstant} writes it
     */
    public record Link(long sequence, String type, String occurredAt, String actor, JsonNode payload,
                       String prevHash, String hash) {
    }

    /**
     * The outcome of {@link #verify}.
     *
     * @param valid                {@code true} if every link holds
     * @param events               how many events were checked
     * @param headHash             the stored {@code hash} of the last event; {@code null} for an empty stream
     * @param firstInvalidSequence the sequence of the first event that does not hold; {@code null} if valid
     */
    public record Verification(boolean valid, int events, String headHash, Long firstInvalidSequence) {
    }
}
