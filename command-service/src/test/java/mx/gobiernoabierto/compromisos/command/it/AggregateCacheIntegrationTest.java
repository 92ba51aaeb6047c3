package mx.gobiernoabierto.compromisos.command.it;

import static mx.gobiernoabierto.compromisos.command.it.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.support.TransactionTemplate;

import mx.gobiernoabierto.compromisos.command.audit.ChainHeads;
import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.LogMilestoneProgress;

/**
 * The aggregate cache holds only what the database committed. The {@code Idempotency-Key} filter runs a command
 * inside a transaction of its own, which Axon joins; that transaction can roll back after Axon has finished (and
 * after Axon put the aggregate into its cache). A cache that kept that version would make the next command
 * append after an event the database never stored: the hash chain would break.
 */
class AggregateCacheIntegrationTest extends IntegrationTest {

    @Autowired
    CommandGateway gateway;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    @Qualifier("aggregateCache")
    Cache cache;

    @Autowired
    ChainHeads chainHeads;

    @Test
    void aTransactionRolledBackAfterAxonFinishedLeavesNoTraceInTheCache() {
        Scenario scenario = new Scenario(api()).inImplementation();
        String id = scenario.commitmentId;
        scenario.ok(api().post(scenario.path("/milestones/" + scenario.milestoneId + "/progress"),
                body("percent", 10, "reportedOn", Scenario.TODAY.toString())));
        assertThat(cache.containsKey(id)).as("a committed command leaves its aggregate in the cache").isTrue();
        long committed = storedEvents(id);

        // the filter's shape: Axon joins the outer transaction, finishes its unit of work, then the outer one rolls back
        transactions.executeWithoutResult(tx -> {
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(new LogMilestoneProgress(id, null,
                    scenario.milestoneId, 20, null, List.of(), Scenario.TODAY))
                    .andMetaData(Map.of("actor", "usr-jal-editor-01")));
            tx.setRollbackOnly();
        });
        assertThat(storedEvents(id)).isEqualTo(committed);
        assertThat(cache.containsKey(id)).as("the rolled-back version is not cached").isFalse();

        Api.Reply next = scenario.ok(api().post(scenario.path("/milestones/" + scenario.milestoneId + "/progress"),
                body("percent", 30, "reportedOn", Scenario.TODAY.toString())));
        assertThat(next.json().get("version").asLong()).isEqualTo(committed);
        assertThat(storedEvents(id)).isEqualTo(committed + 1);
        List<Long> sequences = jdbc.sql("SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ?"
                + " ORDER BY sequencenumber").param(id).query(Long.class).list();
        assertThat(sequences).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, committed + 1).boxed().toList());
        Api.Reply integrity = anonymousApi().get(scenario.path("/integrity"));
        assertThat(integrity.json().get("valid").asBoolean()).isTrue();
        assertThat(integrity.json().get("events").asLong()).isEqualTo(committed + 1);
    }

    @Test
    void theLastChainHashIsRememberedOnlyOnceTheOutermostTransactionCommitted() {
        Scenario scenario = new Scenario(api()).inImplementation();
        String id = scenario.commitmentId;
        Api.Reply done = scenario.ok(api().post(scenario.path("/milestones/" + scenario.milestoneId + "/progress"),
                body("percent", 10, "reportedOn", Scenario.TODAY.toString())));
        long head = done.json().get("version").asLong();
        assertThat(chainHeads.hashOf(id, head)).as("a committed command's hash is remembered")
                .contains(storedHash(id, head));

        transactions.executeWithoutResult(tx -> {
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(new LogMilestoneProgress(id, null,
                    scenario.milestoneId, 20, null, List.of(), Scenario.TODAY))
                    .andMetaData(Map.of("actor", "usr-jal-editor-01")));
            assertThat(chainHeads.hashOf(id, head + 1)).as("not before the outer transaction commits").isEmpty();
            tx.setRollbackOnly();
        });
        assertThat(chainHeads.hashOf(id, head + 1)).as("the rolled-back event's hash is never remembered").isEmpty();

        transactions.executeWithoutResult(tx -> gateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                new LogMilestoneProgress(id, null, scenario.milestoneId, 30, null, List.of(), Scenario.TODAY))
                .andMetaData(Map.of("actor", "usr-jal-editor-01"))));
        assertThat(chainHeads.hashOf(id, head + 1)).as("an outer transaction's commit is remembered")
                .contains(storedHash(id, head + 1));
        assertThat(anonymousApi().get(scenario.path("/integrity")).json().get("valid").asBoolean()).isTrue();
    }

    /**
     * A command with an {@code Idempotency-Key} commits with its request, after Axon has released the aggregate; a
     * command on the same aggregate in that moment read it without the first one's event and failed on the store's
     * unique key ({@code 500}). Now commands on one aggregate take turns until each request has committed.
     */
    @Test
    void concurrentCommandsWithAndWithoutKeysOnOneCommitmentAllSucceedInOneChain() throws Exception {
        Scenario scenario = new Scenario(api()).inImplementation();
        String id = scenario.commitmentId;
        long before = storedEvents(id);
        int clients = 8;
        int each = 6;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Integer>>> sent = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                sent.add(pool.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        Map<String, Object> progress = body("percent", (client * each + i) % 101,
                                "reportedOn", Scenario.TODAY.toString());
                        String path = scenario.path("/milestones/" + scenario.milestoneId + "/progress");
                        Api.Reply reply = (client + i) % 2 == 0
                                ? api().post(path, progress, "Idempotency-Key", UUID.randomUUID().toString())
                                : api().post(path, progress);
                        statuses.add(reply.status());
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> statuses : sent) {
                assertThat(statuses.get(60, TimeUnit.SECONDS)).allSatisfy(status ->
                        assertThat(status).isBetween(200, 299));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(storedEvents(id)).isEqualTo(before + (long) clients * each);
        Api.Reply integrity = anonymousApi().get(scenario.path("/integrity"));
        assertThat(integrity.json().get("valid").asBoolean()).isTrue();
        assertThat(integrity.json().get("events").asLong()).isEqualTo(before + (long) clients * each);
    }

    private String storedHash(String id, long sequence) {
        String metadata = jdbc.sql("SELECT convert_from(metadata, 'UTF8') FROM domainevententry"
                        + " WHERE aggregateidentifier = ? AND sequencenumber = ?")
                .params(id, sequence).query(String.class).single();
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(metadata).get("hash").asString();
    }

    @Test
    void aRefusedCommandLeavesTheCachedAggregateAsTheDatabaseHasIt() {
        Scenario scenario = new Scenario(api()).inImplementation();
        Api.Reply refused = api().post(scenario.path("/milestones/" + scenario.milestoneId + "/progress"),
                body("percent", 101, "reportedOn", Scenario.TODAY.toString()));
        assertThat(refused.status()).isBetween(400, 499);
        long stored = storedEvents(scenario.commitmentId);

        Api.Reply next = scenario.ok(api().post(scenario.path("/milestones/" + scenario.milestoneId + "/progress"),
                body("percent", 40, "reportedOn", Scenario.TODAY.toString())));
        assertThat(next.json().get("version").asLong()).isEqualTo(stored);
        assertThat(anonymousApi().get(scenario.path("/integrity")).json().get("valid").asBoolean()).isTrue();
    }
}
