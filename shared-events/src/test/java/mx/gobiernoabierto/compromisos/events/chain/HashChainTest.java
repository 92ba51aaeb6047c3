package mx.gobiernoabierto.compromisos.events.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import mx.gobiernoabierto.compromisos.events.CommitmentEvent;
import mx.gobiernoabierto.compromisos.events.ImplementationStarted;
import mx.gobiernoabierto.compromisos.events.MeasurementRecorded;
import mx.gobiernoabierto.compromisos.events.MilestonePlanned;
import mx.gobiernoabierto.compromisos.events.MilestoneProgressLogged;
import mx.gobiernoabierto.compromisos.events.CommitmentCompleted;
import mx.gobiernoabierto.compromisos.events.chain.HashChain.Link;
import mx.gobiernoabierto.compromisos.events.chain.HashChain.Verification;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.events.wire.EventJson;

/** The audit hash chain as the HTTP contract defines it: anyone can recompute it from the history alone. */
class HashChainTest {

    private static final String COMMITMENT = "4dd3f60b-de88-4ff3-a07a-076f338b436f";
    private static final String MILESTONE = "d6208581-d197-4e61-bc77-5869a299a433";
    private static final String GOVERNMENT = "laura.mendez@jalisco.gob.mx";

    @Test
    void theHashIsTheSha256OfTheSevenLinesJoinedByNewlines() throws NoSuchAlgorithmException {
        String prevHash = "9f2c".repeat(16);
        JsonNode payload = EventJson.readTree("""
                {"value": 58.70, "reason": "Cotejo corregido: el año fiscal 2025", "measurementId": "m-7"}
                """);
        String sevenLines = prevHash + "\n"
                + COMMITMENT + "\n"
                + "12\n"
                + "MeasurementCorrected\n"
                + "2025-04-24T15:36:18.902Z\n"
                + GOVERNMENT + "\n"
                + "{\"measurementId\":\"m-7\",\"reason\":\"Cotejo corregido: el año fiscal 2025\",\"value\":58.7}";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(sevenLines.getBytes(StandardCharsets.UTF_8));
        StringBuilder expected = new StringBuilder();
        for (byte b : digest) {
            expected.append(String.format("%02x", b));
        }

        String hash = HashChain.hash(prevHash, COMMITMENT, 12, "MeasurementCorrected", "2025-04-24T15:36:18.902Z",
                GOVERNMENT, payload);

        assertThat(hash).isEqualTo(expected.toString()).matches("[0-9a-f]{64}");
    }

    @Test
    void theFirstEventLinksToSixtyFourZeros() {
        assertThat(HashChain.GENESIS).hasSize(64).matches("0+");
        assertThat(stream().getFirst().prevHash()).isEqualTo(HashChain.GENESIS);
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2025-03-01T12:00:00Z            | 2025-03-01T12:00:00.000Z
            1970-01-01T00:00:00Z            | 1970-01-01T00:00:00.000Z
            2025-03-01T12:00:00.5Z          | 2025-03-01T12:00:00.500Z
            2025-03-01T12:00:00.001Z        | 2025-03-01T12:00:00.001Z
            2025-03-01T12:00:00.0009Z       | 2025-03-01T12:00:00.000Z
            2025-03-01T12:00:00.123456789Z  | 2025-03-01T12:00:00.123Z
            2025-03-01T12:00:00.999999999Z  | 2025-03-01T12:00:00.999Z
            2024-12-31T23:59:59.9999Z       | 2024-12-31T23:59:59.999Z
            """)
    void instantsAreWrittenInUtcWithThreeFractionDigitsTruncatedNotRounded(String instant, String written) {
        assertThat(HashChain.formatInstant(Instant.parse(instant))).isEqualTo(written);
    }

    @Test
    void aStreamAsItWasWrittenVerifies() {
        List<EventEnvelope> stream = stream();

        Verification verification = HashChain.verify(COMMITMENT, links(stream));

        assertThat(verification).isEqualTo(new Verification(true, 5, stream.getLast().hash(), null));
    }

    @Test
    void anEmptyStreamIsValidWithNoEventsAndNoHeadHash() {
        assertThat(HashChain.verify(COMMITMENT, List.of())).isEqualTo(new Verification(true, 0, null, null));
    }

    @Test
    void aChangedPayloadIsCaughtAtThatEvent() {
        List<Link> links = links(stream());
        Link progress = links.get(2);
        ObjectNode inflated = (ObjectNode) progress.payload().deepCopy();
        inflated.put("percent", 90);
        links.set(2, new Link(progress.sequence(), progress.type(), progress.occurredAt(), progress.actor(), inflated,
                progress.prevHash(), progress.hash()));

        Verification verification = HashChain.verify(COMMITMENT, links);

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstInvalidSequence()).isEqualTo(2L);
        assertThat(verification.events()).isEqualTo(5);
        assertThat(verification.headHash()).isEqualTo(links.getLast().hash());
    }

    @Test
    void aChangedActorIsCaughtAtThatEvent() {
        List<Link> links = links(stream());
        Link measurement = links.get(3);
        links.set(3, new Link(measurement.sequence(), measurement.type(), measurement.occurredAt(),
                "secretaria.stl@itei.org.mx", measurement.payload(), measurement.prevHash(), measurement.hash()));

        assertInvalidFrom(3, HashChain.verify(COMMITMENT, links));
    }

    @Test
    void aChangedOccurredAtIsCaughtAtThatEvent() {
        List<Link> links = links(stream());
        Link started = links.get(1);
        links.set(1, new Link(started.sequence(), started.type(), "2024-06-14T15:00:12.640Z", started.actor(),
                started.payload(), started.prevHash(), started.hash()));

        assertInvalidFrom(1, HashChain.verify(COMMITMENT, links));
    }

    @Test
    void aChangedEventWhoseHashWasRecomputedBreaksTheNextLink() {
        List<Link> links = links(stream());
        Link progress = links.get(2);
        ObjectNode inflated = (ObjectNode) progress.payload().deepCopy();
        inflated.put("percent", 90);
        String forgedHash = HashChain.hash(progress.prevHash(), COMMITMENT, 2, progress.type(),
                progress.occurredAt(), progress.actor(), inflated);
        links.set(2, new Link(2, progress.type(), progress.occurredAt(), progress.actor(), inflated,
                progress.prevHash(), forgedHash));

        assertInvalidFrom(3, HashChain.verify(COMMITMENT, links));
    }

    @Test
    void aWrongPrevHashIsCaughtEvenWhenTheHashWasComputedOverIt() {
        List<Link> links = links(stream());
        Link measurement = links.get(3);
        String wrongPrev = links.get(1).hash();
        links.set(3, new Link(3, measurement.type(), measurement.occurredAt(), measurement.actor(),
                measurement.payload(), wrongPrev, HashChain.hash(wrongPrev, COMMITMENT, 3, measurement.type(),
                measurement.occurredAt(), measurement.actor(), measurement.payload())));

        assertInvalidFrom(3, HashChain.verify(COMMITMENT, links));
    }

    @Test
    void aFirstEventThatDoesNotStartFromSixtyFourZerosIsCaught() {
        List<Link> links = links(stream());
        Link planned = links.getFirst();
        String notGenesis = "1" + HashChain.GENESIS.substring(1);
        links.set(0, new Link(0, planned.type(), planned.occurredAt(), planned.actor(), planned.payload(), notGenesis,
                HashChain.hash(notGenesis, COMMITMENT, 0, planned.type(), planned.occurredAt(), planned.actor(),
                        planned.payload())));

        assertInvalidFrom(0, HashChain.verify(COMMITMENT, links));
    }

    @Test
    void aStreamThatDoesNotStartAtSequenceZeroIsCaughtThoughEveryHashHolds() {
        List<EventEnvelope> stream = stream();
        EventEnvelope later = EventEnvelope.of("event-9", stream.get(2).event(), 1,
                stream.get(2).occurredAtInstant(), GOVERNMENT, "request-9", HashChain.GENESIS);

        assertThat(later.hashMatches()).isTrue();
        assertInvalidFrom(1, HashChain.verify(COMMITMENT, links(List.of(later))));
    }

    @Test
    void deletingAMiddleEventIsCaughtAtTheEventAfterTheGap() {
        List<Link> links = links(stream());
        links.remove(2);

        Verification verification = HashChain.verify(COMMITMENT, links);

        assertInvalidFrom(3, verification);
        assertThat(verification.events()).isEqualTo(4);
    }

    @Test
    void reorderedEventsAreCaughtAtTheFirstEventOutOfPlace() {
        List<Link> links = links(stream());
        links.add(2, links.remove(3));

        assertThat(links).extracting(Link::sequence).containsExactly(0L, 1L, 3L, 2L, 4L);
        assertInvalidFrom(3, HashChain.verify(COMMITMENT, links));
    }

    @Test
    void theEventsOfAnotherCommitmentDoNotVerifyAsThisOne() {
        assertInvalidFrom(0, HashChain.verify("95593d3c-5f37-4a24-b982-cd89bced8e88", links(stream())));
    }

    @Test
    void droppingTheLastEventLeavesAValidChainWhoseHeadHashGivesItAway() {
        List<EventEnvelope> stream = stream();
        List<Link> truncated = links(stream.subList(0, 4));

        Verification verification = HashChain.verify(COMMITMENT, truncated);

        // the chain alone cannot see a cut tail: auditors compare the head hash with one they kept
        assertThat(verification.valid()).isTrue();
        assertThat(verification.headHash()).isNotEqualTo(stream.getLast().hash());
    }

    private static void assertInvalidFrom(long sequence, Verification verification) {
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstInvalidSequence()).isEqualTo(sequence);
    }

    /** Five events of one commitment (a slice of its life, numbered from 0), each linked to the one before. */
    private static List<EventEnvelope> stream() {
        List<CommitmentEvent> events = List.of(
                new MilestonePlanned(COMMITMENT, MILESTONE, "Portal de contrataciones abiertas de obra pública en línea",
                        "Contratos 2023-2024 descargables con el EDCA (JSON y CSV).", LocalDate.of(2024, 11, 29),
                        "Secretaría de Infraestructura y Obra Pública", new BigDecimal("2")),
                new ImplementationStarted(COMMITMENT, LocalDate.of(2024, 6, 17)),
                new MilestoneProgressLogged(COMMITMENT, MILESTONE, 40, "Versión de prueba con 214 contratos de 2023.",
                        List.of("https://transparencia.jalisco.gob.mx/obra-publica/contrataciones-abiertas/minuta-2024-08-14.pdf"),
                        LocalDate.of(2024, 8, 30)),
                new MeasurementRecorded(COMMITMENT, "ee3de1af-7cc1-4d7d-8201-22f26300f91d",
                        "0efd9feb-5537-4578-9485-0b49c12f7e37", new BigDecimal("61.3"), LocalDate.of(2025, 3, 31),
                        "Contraloría del Estado de Jalisco", null),
                new CommitmentCompleted(COMMITMENT, LocalDate.of(2025, 11, 28)));
        List<Instant> occurredAt = List.of(Instant.parse("2024-02-26T15:41:37.002Z"),
                Instant.parse("2024-06-17T15:00:12.640Z"), Instant.parse("2024-08-30T20:47:33.219123Z"),
                Instant.parse("2025-04-10T16:09:41.530Z"), Instant.parse("2025-11-28T17:40:29Z"));

        List<EventEnvelope> stream = new ArrayList<>();
        String prevHash = HashChain.GENESIS;
        for (int sequence = 0; sequence < events.size(); sequence++) {
            EventEnvelope envelope = EventEnvelope.of("event-" + sequence, events.get(sequence), sequence,
                    occurredAt.get(sequence), GOVERNMENT, "request-" + sequence, prevHash);
            stream.add(envelope);
            prevHash = envelope.hash();
        }
        return stream;
    }

    /** The links as an auditor reads them from the history, in a list the tests may tamper with. */
    private static List<Link> links(List<EventEnvelope> stream) {
        return new ArrayList<>(stream.stream()
                .map(e -> new Link(e.sequence(), e.type(), e.occurredAt(), e.actor(), e.payload(), e.prevHash(),
                        e.hash()))
                .toList());
    }
}
