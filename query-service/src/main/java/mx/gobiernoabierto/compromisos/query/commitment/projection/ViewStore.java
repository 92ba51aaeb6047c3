package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.PlanRegistered;
import mx.gobiernoabierto.compromisos.events.chain.HashChain;
import mx.gobiernoabierto.compromisos.events.wire.EventJson;

/** Reads and writes one set of view tables; callers hold the transaction. */
@Component
public class ViewStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ViewStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public Optional<CommitmentState> commitment(ViewTables tables, String commitmentId) {
        return jdbc.sql("SELECT state FROM " + tables.commitments() + " WHERE commitment_id = ?")
                .param(commitmentId)
                .query(String.class)
                .optional()
                .map(ViewStore::readState);
    }

    public long version(ViewTables tables, String commitmentId) {
        return jdbc.sql("SELECT version FROM " + tables.commitments() + " WHERE commitment_id = ?")
                .param(commitmentId).query(Long.class).optional().orElse(-1L);
    }

    /** The stored states of those of the commitments that have a view. */
    Map<String, CommitmentState> commitments(ViewTables tables, Collection<String> commitmentIds) {
        Map<String, CommitmentState> states = new HashMap<>();
        jdbc.sql("SELECT commitment_id, state FROM " + tables.commitments() + " WHERE commitment_id = ANY(?)")
                .param(commitmentIds.toArray(String[]::new))
                .query((row, n) -> states.put(row.getString(1), readState(row.getString(2))))
                .list();
        return states;
    }

    void saveCommitments(ViewTables tables, Collection<CommitmentState> states) {
        if (states.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(states.size());
        for (CommitmentState state : states) {
            Integer[] goals = state.sdgTargets().stream()
                    .map(target -> Integer.parseInt(target.substring(0, target.indexOf('.'))))
                    .distinct().sorted().toArray(Integer[]::new);
            String[] values = state.ogpValues().stream().map(Enum::name).toArray(String[]::new);
            rows.add(new Object[] {state.commitmentId(), state.planId(), state.stlId(), state.code(),
                    state.status().name(), goals, values, state.version(), Timestamp.from(state.lastEventAt()),
                    writeState(state)});
        }
        batch.batchUpdate("INSERT INTO " + tables.commitments()
                + " (commitment_id, plan_id, stl_id, code, status, sdg_goals, ogp_values, version, last_event_at, state)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (commitment_id) DO UPDATE SET plan_id = EXCLUDED.plan_id, stl_id = EXCLUDED.stl_id,"
                + " code = EXCLUDED.code, status = EXCLUDED.status, sdg_goals = EXCLUDED.sdg_goals,"
                + " ogp_values = EXCLUDED.ogp_values, version = EXCLUDED.version,"
                + " last_event_at = EXCLUDED.last_event_at, state = EXCLUDED.state", rows);
    }

    /** Keeps these states as checkpoints of their commitments' folds (a checkpoint kept before stays). */
    void saveCheckpoints(ViewTables tables, List<CommitmentState> states) {
        if (states.isEmpty()) {
            return;
        }
        batch.batchUpdate("INSERT INTO " + tables.checkpoints() + " (commitment_id, version, state) VALUES (?, ?, ?)"
                        + " ON CONFLICT (commitment_id, version) DO NOTHING",
                states.stream().map(state -> new Object[] {state.commitmentId(), state.version(), writeState(state)})
                        .toList());
    }

    /** The commitment's latest checkpoint at or below the version, if any. */
    public Optional<CommitmentState> checkpoint(ViewTables tables, String commitmentId, long atMost) {
        return jdbc.sql("SELECT state FROM " + tables.checkpoints()
                        + " WHERE commitment_id = ? AND version <= ? ORDER BY version DESC LIMIT 1")
                .params(commitmentId, atMost)
                .query(String.class)
                .optional()
                .map(ViewStore::readState);
    }

    void savePlans(ViewTables tables, List<PlanRegistered> plans) {
        if (plans.isEmpty()) {
            return;
        }
        batch.batchUpdate("INSERT INTO " + tables.plans()
                        + " (plan_id, stl_id, stl_name, jurisdiction, title, period_start, period_end)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id) DO NOTHING",
                plans.stream().map(plan -> new Object[] {plan.planId(), plan.stlId(), plan.stlName(),
                        plan.jurisdiction(), plan.title(), plan.periodStart(), plan.periodEnd()}).toList());
    }

    public Optional<PlanRegistered> plan(ViewTables tables, String planId) {
        return jdbc.sql("SELECT * FROM " + tables.plans() + " WHERE plan_id = ?")
                .param(planId)
                .query((row, n) -> new PlanRegistered(row.getString("plan_id"), row.getString("stl_id"),
                        row.getString("stl_name"), row.getString("jurisdiction"), row.getString("title"),
                        row.getObject("period_start", java.time.LocalDate.class),
                        row.getObject("period_end", java.time.LocalDate.class)))
                .optional();
    }

    /** Indicator id to commitment id; an indicator already indexed keeps its row. */
    void indexIndicators(ViewTables tables, Map<String, String> indicators) {
        if (indicators.isEmpty()) {
            return;
        }
        batch.batchUpdate("INSERT INTO " + tables.indicators() + " (indicator_id, commitment_id) VALUES (?, ?)"
                        + " ON CONFLICT (indicator_id) DO NOTHING",
                indicators.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()}).toList());
    }

    public Optional<String> commitmentOfIndicator(ViewTables tables, String indicatorId) {
        return jdbc.sql("SELECT commitment_id FROM " + tables.indicators() + " WHERE indicator_id = ?")
                .param(indicatorId).query(String.class).optional();
    }

    /**
     * The last applied sequence of each aggregate, -1 if none; the rows stay locked until the transaction ends.
     * They are created and locked in id order, so two transactions that share aggregates cannot deadlock on them.
     */
    Map<String, Long> lockPositions(ViewTables tables, Collection<String> aggregateIds) {
        String[] ids = aggregateIds.stream().sorted().toArray(String[]::new);
        jdbc.sql("INSERT INTO " + tables.positions() + " (aggregate_id, last_sequence)"
                        + " SELECT id, -1 FROM unnest(?::varchar[]) WITH ORDINALITY AS a (id, n) ORDER BY n"
                        + " ON CONFLICT (aggregate_id) DO NOTHING")
                .param(ids).update();
        Map<String, Long> positions = new HashMap<>();
        jdbc.sql("SELECT aggregate_id, last_sequence FROM " + tables.positions()
                        + " WHERE aggregate_id = ANY(?) ORDER BY aggregate_id FOR UPDATE")
                .param(ids)
                .query((row, n) -> positions.put(row.getString(1), row.getLong(2)))
                .list();
        return positions;
    }

    void savePositions(ViewTables tables, Map<String, Long> positions) {
        if (positions.isEmpty()) {
            return;
        }
        batch.batchUpdate("UPDATE " + tables.positions() + " SET last_sequence = ? WHERE aggregate_id = ?",
                positions.entrySet().stream().map(e -> new Object[] {e.getValue(), e.getKey()}).toList());
    }

    /** The held events of the aggregates, by sequence. */
    Map<String, TreeMap<Long, String>> held(ViewTables tables, Collection<String> aggregateIds) {
        Map<String, TreeMap<Long, String>> held = new HashMap<>();
        jdbc.sql("SELECT aggregate_id, sequence, envelope FROM " + tables.held() + " WHERE aggregate_id = ANY(?)")
                .param(aggregateIds.toArray(String[]::new))
                .query((row, n) -> held.computeIfAbsent(row.getString(1), id -> new TreeMap<>())
                        .put(row.getLong(2), row.getString(3)))
                .list();
        return held;
    }

    /** Holds events, by aggregate and sequence, until the gap before them fills. */
    void hold(ViewTables tables, Map<String, ? extends Map<Long, String>> events) {
        List<Object[]> rows = new ArrayList<>();
        events.forEach((id, bySequence) -> bySequence.forEach((sequence, envelope) ->
                rows.add(new Object[] {id, sequence, envelope})));
        if (!rows.isEmpty()) {
            batch.batchUpdate("INSERT INTO " + tables.held() + " (aggregate_id, sequence, envelope) VALUES (?, ?, ?)"
                    + " ON CONFLICT (aggregate_id, sequence) DO NOTHING", rows);
        }
    }

    /** Removes held events that were applied. */
    void release(ViewTables tables, Map<String, List<Long>> sequences) {
        List<Object[]> rows = new ArrayList<>();
        sequences.forEach((id, list) -> list.forEach(sequence -> rows.add(new Object[] {id, sequence})));
        if (!rows.isEmpty()) {
            batch.batchUpdate("DELETE FROM " + tables.held() + " WHERE aggregate_id = ? AND sequence = ?", rows);
        }
    }

    /** Held events waiting longer than the given seconds (a gap that does not fill). */
    public long heldLongerThan(ViewTables tables, long seconds) {
        return jdbc.sql("SELECT count(*) FROM " + tables.held() + " WHERE held_since < now() - make_interval(secs => ?)")
                .param(seconds).query(Long.class).single();
    }

    public long held(ViewTables tables) {
        return jdbc.sql("SELECT count(*) FROM " + tables.held()).query(Long.class).single();
    }

    /** A stored view row's state. */
    public static CommitmentState readState(String json) {
        return EventJson.mapper().readValue(json, CommitmentState.class);
    }

    static String writeState(CommitmentState state) {
        return EventJson.mapper().writeValueAsString(state);
    }

    /** The instant as the contract writes it, for views. */
    public static String instant(java.time.Instant instant) {
        return instant == null ? null : HashChain.formatInstant(instant);
    }
}
