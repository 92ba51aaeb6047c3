package mx.gobiernoabierto.compromisos.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.events.ImplementationStarted;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.events.wire.EventJson;
import mx.gobiernoabierto.compromisos.query.audit.EventArchive;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentFold;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;
import mx.gobiernoabierto.compromisos.query.commitment.projection.EventIdentity;
import mx.gobiernoabierto.compromisos.query.commitment.projection.FoldInput;
import mx.gobiernoabierto.compromisos.query.commitment.projection.Projector;
import mx.gobiernoabierto.compromisos.query.commitment.projection.Projector.Outcome;
import mx.gobiernoabierto.compromisos.query.commitment.projection.Projector.Result;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewStore;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewTables;

/**
 * The projector decides a batch record by record as if each had been applied alone, though it reads its aggregates
 * once and writes each row once: the same records give the same outcomes and the same views whether they are applied
 * one at a time or as one batch, across batches too (events held by one batch are released by the next).
 */
class ProjectorBatchIntegrationTest extends QueryIntegrationTest {

    private static final Instant START = Instant.parse("2024-09-01T15:00:00.000Z");

    @Autowired
    Projector projector;

    @Autowired
    EventArchive archive;

    @Autowired
    ViewStore store;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aBatchWithDuplicatesAGapAndADivergenceIsDecidedAsRecordByRecord() {
        Streams.Story story = Streams.Story.create();
        List<EventEnvelope> e = Streams.chain(START, story.events().toArray(DomainEvent[]::new));
        EventEnvelope forged = EventEnvelope.of(UUID.randomUUID().toString(),
                new ImplementationStarted(story.commitmentId(), LocalDate.of(2024, 3, 1)), 3,
                START.plusSeconds(3 * 60 + 7), "intruso", "corr-forged", e.get(2).hash());
        // the first batch leaves a gap at 2 with 3 and 4 held; the second fills it, meets redeliveries, a forged
        // event at an applied sequence (which holds the commitment at the version reached), and events after it
        List<EventEnvelope> first = List.of(e.get(0), e.get(1), e.get(3), e.get(4), e.get(3));
        List<EventEnvelope> second = List.of(e.get(1), e.get(2), e.get(5), e.get(2), e.get(6), forged, e.get(7),
                e.get(8));

        List<Result> firstResults = batch(first);
        assertThat(firstResults).extracting(Result::outcome).containsExactly(Outcome.APPLIED, Outcome.APPLIED,
                Outcome.HELD, Outcome.HELD, Outcome.HELD);
        assertThat(jdbc.sql("SELECT sequence FROM held_event WHERE aggregate_id = ? ORDER BY sequence")
                .param(story.commitmentId()).query(Long.class).list()).containsExactly(3L, 4L);

        List<Result> secondResults = batch(second);
        assertThat(secondResults).containsExactly(new Result(Outcome.SKIPPED, 0), new Result(Outcome.APPLIED, 2),
                new Result(Outcome.APPLIED, 0), new Result(Outcome.SKIPPED, 0), new Result(Outcome.APPLIED, 0),
                new Result(Outcome.DIVERGENT, 0), new Result(Outcome.BLOCKED, 0), new Result(Outcome.BLOCKED, 0));
        assertThat(jdbc.sql("SELECT count(*) FROM held_event WHERE aggregate_id = ?").param(story.commitmentId())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT held_after_sequence FROM projection_divergence WHERE aggregate_id = ?")
                .param(story.commitmentId()).query(Long.class).list()).containsExactly(6L);

        CommitmentState batched = store.commitment(ViewTables.LIVE, story.commitmentId()).orElseThrow();
        assertThat(batched.version()).isEqualTo(6);
        CommitmentState folded = CommitmentFold.foldAll(e.subList(0, 7).stream().map(FoldInput::from).toList());
        assertThat(batched).isEqualTo(ViewStore.readState(EventJson.mapper().writeValueAsString(folded)));

        // the same records one at a time, into a second set of tables: the same outcomes and the same view
        ViewTables single = ViewTables.withPrefix("single_");
        createLike(single);
        List<Result> oneByOne = new ArrayList<>();
        for (EventEnvelope envelope : concat(first, second)) {
            oneByOne.add(transactions.execute(tx -> projector.accept(single, envelope, envelope.toJson(),
                    kept(List.of(envelope)).getFirst())));
        }
        assertThat(oneByOne).containsExactlyElementsOf(concat(firstResults, secondResults));
        assertThat(store.commitment(single, story.commitmentId()).orElseThrow()).isEqualTo(batched);
    }

    private List<Result> batch(List<EventEnvelope> envelopes) {
        return transactions.execute(tx -> {
            List<EventIdentity> kept = kept(envelopes);
            List<Projector.Delivery> deliveries = new ArrayList<>();
            for (int i = 0; i < envelopes.size(); i++) {
                deliveries.add(new Projector.Delivery(envelopes.get(i), envelopes.get(i).toJson(), kept.get(i)));
            }
            return projector.acceptAll(ViewTables.LIVE, deliveries);
        });
    }

    private List<EventIdentity> kept(List<EventEnvelope> envelopes) {
        return archive.keepAll(envelopes.stream()
                .map(envelope -> new EventArchive.Received(envelope, envelope.toJson(), 0, -1)).toList());
    }

    private void createLike(ViewTables tables) {
        for (int i = 0; i < tables.all().size(); i++) {
            jdbc.sql("CREATE TABLE IF NOT EXISTS " + tables.all().get(i) + " (LIKE " + ViewTables.LIVE.all().get(i)
                    + " INCLUDING ALL)").update();
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
