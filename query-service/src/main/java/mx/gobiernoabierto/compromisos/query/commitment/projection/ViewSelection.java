package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.events.OgpValue;

/**
 * The SQL that selects live commitment views by plan, STL, status, SDG goal and OGP value, in the order of plan and
 * code: the list, the export, the progress figures and the portal's pages read through it.
 */
@Component
public class ViewSelection {

    private final JdbcClient jdbc;

    ViewSelection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What to select; each condition {@code null} for any. */
    public record Conditions(String planId, String stlId, CommitmentStatus status, Integer sdgGoal, OgpValue ogpValue) {
    }

    public long count(Conditions conditions) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("SELECT count(*) FROM " + ViewTables.LIVE.commitments() + where(conditions, params))
                .params(params).query(Long.class).single();
    }

    public List<CommitmentState> page(Conditions conditions, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(conditions, params);
        params.add(size);
        params.add((long) page * size);
        return states("SELECT state FROM " + ViewTables.LIVE.commitments() + where
                + " ORDER BY plan_id, code LIMIT ? OFFSET ?", params);
    }

    public List<CommitmentState> all(Conditions conditions) {
        List<Object> params = new ArrayList<>();
        String where = where(conditions, params);
        return states("SELECT state FROM " + ViewTables.LIVE.commitments() + where + " ORDER BY plan_id, code", params);
    }

    private List<CommitmentState> states(String sql, List<Object> params) {
        return jdbc.sql(sql).params(params).query(String.class).list().stream().map(ViewStore::readState).toList();
    }

    private static String where(Conditions conditions, List<Object> params) {
        List<String> sql = new ArrayList<>();
        if (conditions.planId() != null) {
            sql.add("plan_id = ?");
            params.add(conditions.planId());
        }
        if (conditions.stlId() != null) {
            sql.add("stl_id = ?");
            params.add(conditions.stlId());
        }
        if (conditions.status() != null) {
            sql.add("status = ?");
            params.add(conditions.status().name());
        }
        if (conditions.sdgGoal() != null) {
            sql.add("? = ANY(sdg_goals)");
            params.add(conditions.sdgGoal());
        }
        if (conditions.ogpValue() != null) {
            sql.add("? = ANY(ogp_values)");
            params.add(conditions.ogpValue().name());
        }
        return sql.isEmpty() ? "" : " WHERE " + String.join(" AND ", sql);
    }
}
