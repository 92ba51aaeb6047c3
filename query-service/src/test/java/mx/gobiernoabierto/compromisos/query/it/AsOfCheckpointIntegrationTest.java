package mx.gobiernoabierto.compromisos.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import mx.gobiernoabierto.compromisos.events.CommitmentDrafted;
import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.events.MilestonePlanned;
import mx.gobiernoabierto.compromisos.events.MilestoneProgressLogged;
import mx.gobiernoabierto.compromisos.events.OgpValue;
import mx.gobiernoabierto.compromisos.events.chain.HashChain;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.query.audit.EventArchive;
import mx.gobiernoabierto.compromisos.query.commitment.projection.AsOfViews;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentFold;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;
import mx.gobiernoabierto.compromisos.query.commitment.projection.FoldInput;

/**
 * An as-of view folds from the last checkpoint below the first event that occurred after the instant: it equals the
 * fold of the whole history up to the instant at any instant, also when an event's time lies after later ones'.
 */
class AsOfCheckpointIntegrationTest extends QueryIntegrationTest {

    private static final Instant START = Instant.parse("2024-09-01T15:00:00.000Z");
    private static final int EVENTS = 250;
    private static final int LATE = 160;

    @Autowired
    AsOfViews asOfViews;

    @Autowired
    EventArchive archive;

    @Test
    void anAsOfViewFromACheckpointEqualsTheFoldOfTheWholeHistory() {
        String commitmentId = UUID.randomUUID().toString();
        String milestone = UUID.randomUUID().toString();
        List<EventEnvelope> chain = new ArrayList<>();
        String prev = HashChain.GENESIS;
        for (int sequence = 0; sequence < EVENTS; sequence++) {
            DomainEvent event = switch (sequence) {
                case 0 -> new CommitmentDrafted(commitmentId, UUID.randomUUID().toString(), "stl-oaxaca", "OAX-LONG",
                        "Compromiso largo", "Problema", "Objetivo", List.of("Institución"), List.of("Organización"),
                        List.of(OgpValue.TRANSPARENCY), List.of("16.6"), LocalDate.of(2024, 1, 1),
                        LocalDate.of(2026, 12, 31));
                case 1 -> new MilestonePlanned(commitmentId, milestone, "Hito", "d", LocalDate.of(2025, 1, 1), "r",
                        BigDecimal.ONE);
                default -> new MilestoneProgressLogged(commitmentId, milestone, sequence % 101, "Avance", List.of(),
                        LocalDate.of(2024, 9, 1));
            };
            // one event's time lies a day after the events that follow it
            Instant at = sequence == LATE ? START.plus(Duration.ofDays(1)) : START.plusSeconds(60L * sequence);
            EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID().toString(), event, sequence, at, "ana.lopez",
                    "corr-" + sequence, prev);
            chain.add(envelope);
            prev = envelope.hash();
        }
        chain.forEach(QueryIntegrationTest::publish);
        awaitVersion(commitmentId, EVENTS - 1);
        assertThat(jdbc.sql("SELECT version FROM fold_checkpoint WHERE commitment_id = ? ORDER BY version")
                .param(commitmentId).query(Long.class).list()).containsExactly(99L, 199L);

        for (long minute : List.of(0L, 1L, 50L, 99L, 100L, 150L, 159L, 160L, 199L, 230L, 249L, 24L * 60, 30L * 24 * 60)) {
            Instant instant = START.plusSeconds(60 * minute + 30);
            CommitmentState whole = CommitmentFold.foldAll(archive.streamUntil(commitmentId, instant).stream()
                    .map(FoldInput::from).toList());
            assertThat(asOfViews.at(commitmentId, instant)).as("as of minute %d", minute).contains(whole);
        }
        assertThat(asOfViews.at(commitmentId, START.minusSeconds(1))).isEmpty();
        assertThat(http().get("/api/v1/commitments/" + commitmentId + "?asOf=" + START.plusSeconds(60 * 230 + 30))
                .json().get("version").asLong()).isEqualTo(LATE - 1);
        assertThat(http().get("/api/v1/commitments/" + commitmentId + "?asOf=" + START.plus(Duration.ofDays(2)))
                .json().get("version").asLong()).isEqualTo(EVENTS - 1);
    }
}
