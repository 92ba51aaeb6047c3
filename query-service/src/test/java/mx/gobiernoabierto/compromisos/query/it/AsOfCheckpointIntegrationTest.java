package mx.gobiernoabierto.compromisos.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
        // one event's time lies a day after the events that follow it
        List<EventEnvelope> chain = Streams.progressLog(UUID.randomUUID().toString(), commitmentId, EVENTS,
                sequence -> sequence == LATE ? START.plus(Duration.ofDays(1)) : START.plusSeconds(60L * sequence));
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
