package mx.gobiernoabierto.compromisos.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure;

class ProjectionIntegrationTest extends QueryIntegrationTest {

    private static final Instant START = Instant.parse("2024-09-01T15:00:00.000Z");

    private Streams.Story publishedInOrder() {
        Streams.Story story = Streams.Story.create();
        publish(Streams.chain(START, story.plan()).getFirst());
        Streams.chain(START, story.events().toArray(DomainEvent[]::new)).forEach(QueryIntegrationTest::publish);
        awaitVersion(story.commitmentId(), 9);
        return story;
    }

    @Test
    void theViewsEqualTheFiguresComputedByHand() {
        Streams.Story story = publishedInOrder();

        // on 2024-10-01: milestones (1×100 + 3×40)/4 = 55.0; indicator (35−10)/(110−10) = 25.0 after the correction;
        // expected 274 of 730 days = 37.53… → 37.5; 55 ≥ 27.5 → ON_TRACK
        JsonNode october = http().get("/api/v1/commitments/" + story.commitmentId() + "?on=2024-10-01").json();
        assertThat(october.get("status").asString()).isEqualTo("IN_IMPLEMENTATION");
        assertThat(october.get("implementationProgress").decimalValue()).isEqualByComparingTo("55.0");
        assertThat(october.get("indicatorMeanProgress").decimalValue()).isEqualByComparingTo("25.0");
        assertThat(october.get("expectedProgress").decimalValue()).isEqualByComparingTo("37.5");
        assertThat(october.get("scheduleStatus").asString()).isEqualTo("ON_TRACK");
        assertThat(october.get("milestonesTotal").asInt()).isEqualTo(2);
        assertThat(october.get("milestonesCompleted").asInt()).isEqualTo(1);
        assertThat(october.get("milestonesOverdue").asInt()).isZero();
        assertThat(october.get("version").asLong()).isEqualTo(9);
        JsonNode indicator = october.get("indicators").get(0);
        assertThat(indicator.get("latestValue").decimalValue()).isEqualByComparingTo("35");
        assertThat(indicator.get("progress").decimalValue()).isEqualByComparingTo("25.0");
        assertThat(indicator.get("measurements").get(0).get("corrected").asBoolean()).isTrue();

        // on 2025-09-01: expected 609/730 = 83.42… → 83.4; 55 < 58.4 → DELAYED; the portal (due 2025-06-30) is overdue
        JsonNode september = http().get("/api/v1/commitments/" + story.commitmentId() + "?on=2025-09-01").json();
        assertThat(september.get("expectedProgress").decimalValue()).isEqualByComparingTo("83.4");
        assertThat(september.get("scheduleStatus").asString()).isEqualTo("DELAYED");
        assertThat(september.get("milestonesOverdue").asInt()).isEqualTo(1);

        JsonNode progress = http().get("/api/v1/plans/" + story.planId() + "/progress?on=2025-09-01").json();
        assertThat(progress.get("stlId").asString()).isEqualTo("stl-oaxaca");
        assertThat(progress.get("title").asString()).isEqualTo("PAL Oaxaca 2024-2026");
        assertThat(progress.get("commitmentsByStatus").get("IN_IMPLEMENTATION").asInt()).isEqualTo(1);
        assertThat(progress.get("meanImplementationProgress").decimalValue()).isEqualByComparingTo("55.0");
        assertThat(progress.get("delayed").asInt()).isEqualTo(1);
        assertThat(progress.get("overdueMilestones").asInt()).isEqualTo(1);

        JsonNode sdg = http().get("/api/v1/sdg/progress?planId=" + story.planId()).json();
        assertThat(sdg.get("goals").findValuesAsString("target")).containsExactly("12.7", "16.6");
        assertThat(sdg.get("goals").get(0).get("goal").asInt()).isEqualTo(12);
        assertThat(sdg.get("goals").get(1).get("meanImplementationProgress").decimalValue()).isEqualByComparingTo("55.0");

        JsonNode list = http().get("/api/v1/commitments?planId=" + story.planId() + "&sdgGoal=12&ogpValue=TRANSPARENCY").json();
        assertThat(list.get("totalItems").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("code").asString()).isEqualTo("OAX-2024-01");
        assertThat(http().get("/api/v1/commitments?planId=" + story.planId() + "&sdgGoal=5").json()
                .get("totalItems").asLong()).isZero();

        JsonNode series = http().get("/api/v1/indicators/" + story.indicator() + "/series").json();
        assertThat(series.get("commitmentId").asString()).isEqualTo(story.commitmentId());
        assertThat(series.get("points").get(0).get("value").decimalValue()).isEqualByComparingTo("35");
        assertThat(series.get("points").get(0).get("progress").decimalValue()).isEqualByComparingTo("25.0");

        Http.Reply csv = http().get("/api/v1/export/commitments.csv?planId=" + story.planId() + "&on=2024-10-01");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.text().lines().toList()).hasSize(2);
        assertThat(csv.text()).startsWith("commitmentId,planId,stlId,code,title,status,implementationProgress,");
        assertThat(csv.text()).contains(",OAX-2024-01,Compras abiertas,IN_IMPLEMENTATION,55.0,2,1,0,1,25.0,ON_TRACK,16.6;12.7,TRANSPARENCY,");
    }

    @Test
    void duplicatesAndOutOfOrderDeliveryLeaveTheViewsAsInOrderDeliveryWould() {
        Streams.Story ordered = publishedInOrder();
        Streams.Story shuffled = Streams.Story.create();
        List<EventEnvelope> envelopes = new ArrayList<>(Streams.chain(START, shuffled.events().toArray(DomainEvent[]::new)));
        envelopes.addAll(envelopes.subList(2, 6));
        Collections.shuffle(envelopes, new Random(42));
        envelopes.forEach(QueryIntegrationTest::publish);
        publish(Streams.chain(START, shuffled.plan()).getFirst());

        awaitVersion(shuffled.commitmentId(), 9);

        JsonNode expected = http().get("/api/v1/commitments/" + ordered.commitmentId() + "?on=2025-09-01").json();
        JsonNode actual = http().get("/api/v1/commitments/" + shuffled.commitmentId() + "?on=2025-09-01").json();
        for (String field : List.of("status", "implementationProgress", "indicatorMeanProgress", "expectedProgress",
                "scheduleStatus", "milestonesTotal", "milestonesCompleted", "milestonesOverdue", "version")) {
            assertThat(actual.get(field)).as(field).isEqualTo(expected.get(field));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM held_event WHERE aggregate_id = ?").param(shuffled.commitmentId())
                .query(Long.class).single()).isZero();
        JsonNode history = http().get("/api/v1/commitments/" + shuffled.commitmentId() + "/history").json();
        assertThat(history.get("events").findValues("sequence").stream().map(JsonNode::asLong).toList())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(http().get("/api/v1/commitments/" + shuffled.commitmentId() + "/integrity").json()
                .get("valid").asBoolean()).isTrue();
    }

    @Test
    void asOfShowsTheCommitmentAsItStoodAtThatInstant() {
        Streams.Story story = publishedInOrder();
        // event n occurred at START + n minutes: at +5m30s implementation had started, nothing was completed
        String instant = START.plusSeconds(5 * 60 + 30).toString();

        JsonNode then = http().get("/api/v1/commitments/" + story.commitmentId() + "?asOf=" + instant + "&on=2024-10-01").json();

        assertThat(then.get("version").asLong()).isEqualTo(5);
        assertThat(then.get("status").asString()).isEqualTo("IN_IMPLEMENTATION");
        assertThat(then.get("implementationProgress").decimalValue()).isEqualByComparingTo("0.0");
        assertThat(then.get("indicatorMeanProgress").isNull()).isTrue();
        assertThat(http().get("/api/v1/commitments/" + story.commitmentId() + "?asOf=" + START.minusSeconds(1)).status())
                .isEqualTo(404);
    }

    @Test
    void aViewThatHasNotCaughtUpAnswers503WithinTheWait() {
        Streams.Story story = publishedInOrder();

        Http.Reply reply = http().get("/api/v1/commitments/" + story.commitmentId() + "?minVersion=10");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("type").asString()).endsWith("/projection-behind");
        assertThat(reply.json().get("currentVersion").asLong()).isEqualTo(9);
    }

    @Test
    void historyCarriesWhoAndWhenAndIntegrityFindsATamperedEvent() {
        Streams.Story story = Streams.Story.create();
        List<EventEnvelope> chain = Streams.chain(START, story.events().toArray(DomainEvent[]::new));
        EventEnvelope original = chain.get(1);
        var altered = original.payload().deepCopy();
        ((tools.jackson.databind.node.ObjectNode) altered).put("title", "Hito alterado");
        chain.set(1, new EventEnvelope(original.eventId(), original.type(), original.revision(),
                original.aggregateType(), original.aggregateId(), original.sequence(), original.occurredAt(),
                original.actor(), original.correlationId(), original.prevHash(), original.hash(), altered));
        chain.forEach(QueryIntegrationTest::publish);
        awaitVersion(story.commitmentId(), 9);

        JsonNode history = http().get("/api/v1/commitments/" + story.commitmentId() + "/history").json();
        JsonNode integrity = http().get("/api/v1/commitments/" + story.commitmentId() + "/integrity").json();

        assertThat(history.get("events").get(0).get("type").asString()).isEqualTo("CommitmentDrafted");
        assertThat(history.get("events").get(0).get("actor").asString()).isEqualTo("ana.lopez");
        assertThat(history.get("events").get(0).get("occurredAt").asString()).isEqualTo("2024-09-01T15:00:00.000Z");
        assertThat(integrity.get("valid").asBoolean()).isFalse();
        assertThat(integrity.get("firstInvalidSequence").asLong()).isEqualTo(1);
        assertThat(integrity.get("events").asInt()).isEqualTo(10);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheReasonAndConsumptionGoesOn() {
        String key = UUID.randomUUID().toString();
        publishRaw(key, "{ this is not json");
        publishRaw(key, Streams.chain(START, Streams.Story.create().plan()).getFirst().toJson()
                .replace("\"PlanRegistered\"", "\"PlanAbducted\""));
        Streams.Story story = publishedInOrder();

        List<ConsumerRecord<String, String>> dead = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(DEAD_LETTERS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        dead.add(r);
                    }
                });
                return dead.size() >= 2;
            });
        }
        assertThat(dead).extracting(r -> new String(r.headers().lastHeader("kafka_dlt-exception-message").value()))
                .anySatisfy(reason -> assertThat(reason).contains("unreadable envelope"))
                .anySatisfy(reason -> assertThat(reason).contains("unknown event type: PlanAbducted"));
        assertThat(http().get("/api/v1/commitments/" + story.commitmentId()).status()).isEqualTo(200);
    }

    @Test
    void badQueriesAre400AndUnknownIdsAre404WithProblemBodies() {
        for (String path : List.of("/api/v1/commitments?size=0", "/api/v1/commitments?size=501",
                "/api/v1/commitments?status=SLEEPING", "/api/v1/commitments?sdgGoal=18", "/api/v1/commitments?on=2025-02-30",
                "/api/v1/commitments/not-an-id", "/api/v1/commitments/" + UUID.randomUUID() + "?asOf=yesterday",
                "/api/v1/commitments?ogpValue=SECRECY", "/api/v1/sdg/progress?stlId=STL%20Jalisco")) {
            Http.Reply reply = http().get(path);
            assertThat(reply.status()).as(path).isEqualTo(400);
            assertThat(reply.contentType()).as(path).startsWith("application/problem+json");
            assertThat(reply.json().get("type").asString()).as(path).endsWith("/validation");
        }
        for (String path : List.of("/api/v1/commitments/" + UUID.randomUUID(), "/api/v1/commitments/" + UUID.randomUUID() + "/history",
                "/api/v1/plans/" + UUID.randomUUID() + "/progress", "/api/v1/indicators/" + UUID.randomUUID() + "/series")) {
            Http.Reply reply = http().get(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.json().get("type").asString()).as(path).endsWith("/not-found");
        }
    }
}
