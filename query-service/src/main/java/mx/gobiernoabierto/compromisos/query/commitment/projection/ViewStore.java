package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.PlanRegistered;
import mx.gobiernoabierto.compromisos.events.chain.HashChain;
import mx.gobiernoabierto.compromisos.events.wire.EventJson;

/** Reads and writes one set of view tables; callers hold the transaction. */
@Component
public class ViewStore {

    private final JdbcClient jdbc;

    ViewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    void saveCommitment(ViewTables tables, CommitmentState state) {
        Integer[] goals = state.sdgTargets().stream()
                .map(target -> Integer.parseInt(target.substring(0, target.indexOf('.'))))
                .distinct().sorted().toArray(Integer[]::new);
        String[] values = state.ogpValues().stream().map(Enum::name).toArray(String[]::new);
        jdbc.sql("INSERT INTO " + tables.commitments()
                        + " (commitment_id, plan_id, stl_id, code, status, sdg_goals, ogp_values, version, last_event_at, state)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (commitment_id) DO UPDATE SET plan_id = EXCLUDED.plan_id, stl_id = EXCLUDED.stl_id,"
                        + " code = EXCLUDED.code, status = EXCLUDED.status, sdg_goals = EXCLUDED.sdg_goals,"
                        + " ogp_values = EXCLUDED.ogp_values, version = EXCLUDED.version,"
                        + " last_event_at = EXCLUDED.last_event_at, state = EXCLUDED.state")
                .params(state.commitmentId(), state.planId(), state.stlId(), state.code(), state.status().name(),
                        goals, values, state.version(), Timestamp.from(state.lastEventAt()), writeState(state))
                .update();
    }

    void savePlan(ViewTables tables, PlanRegistered plan) {
        jdbc.sql("INSERT INTO " + tables.plans()
                        + " (plan_id, stl_id, stl_name, jurisdiction, title, period_start, period_end)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id) DO NOTHING")
                .params(plan.planId(), plan.stlId(), plan.stlName(), plan.jurisdiction(), plan.title(),
                        plan.periodStart(), plan.periodEnd())
                .update();
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

    void indexIndicator(ViewTables tables, String indicatorId, String commitmentId) {
        jdbc.sql("INSERT INTO " + tables.indicators() + " (indicator_id, commitment_id) VALUES (?, ?)"
                        + " ON CONFLICT (indicator_id) DO NOTHING")
                .params(indicatorId, commitmentId).update();
    }

    public Optional<String> commitmentOfIndicator(ViewTables tables, String indicatorId) {
        return jdbc.sql("SELECT commitment_id FROM " + tables.indicators() + " WHERE indicator_id = ?")
                .param(indicatorId).query(String.class).optional();
    }

    /** The last applied sequence of the aggregate, -1 if none; the row stays locked until the transaction ends. */
    long lockPosition(ViewTables tables, String aggregateId) {
        jdbc.sql("INSERT INTO " + tables.positions() + " (aggregate_id, last_sequence) VALUES (?, -1)"
                        + " ON CONFLICT (aggregate_id) DO NOTHING")
                .param(aggregateId).update();
        return jdbc.sql("SELECT last_sequence FROM " + tables.positions() + " WHERE aggregate_id = ? FOR UPDATE")
                .param(aggregateId).query(Long.class).single();
    }

    void savePosition(ViewTables tables, String aggregateId, long sequence) {
        jdbc.sql("UPDATE " + tables.positions() + " SET last_sequence = ? WHERE aggregate_id = ?")
                .params(sequence, aggregateId).update();
    }

    void hold(ViewTables tables, String aggregateId, long sequence, String envelope) {
        jdbc.sql("INSERT INTO " + tables.held() + " (aggregate_id, sequence, envelope) VALUES (?, ?, ?)"
                        + " ON CONFLICT (aggregate_id, sequence) DO NOTHING")
                .params(aggregateId, sequence, envelope).update();
    }

    Optional<String> takeHeld(ViewTables tables, String aggregateId, long sequence) {
        return jdbc.sql("DELETE FROM " + tables.held() + " WHERE aggregate_id = ? AND sequence = ? RETURNING envelope")
                .params(aggregateId, sequence).query(String.class).optional();
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
