package mx.gobiernoabierto.compromisos.query.commitment.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.events.OgpValue;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewStore;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewTables;
import mx.gobiernoabierto.compromisos.query.web.QueryParams;

/** The analysts' filters over the live commitment views: plan, STL, status, SDG goal and OGP value. */
@Component
public class CommitmentSearch {

    private final JdbcClient jdbc;

    CommitmentSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The filters of the list and the export; every one optional. */
    public record Filter(String planId, String stlId, CommitmentStatus status, Integer sdgGoal, OgpValue ogpValue) {

        public static Filter of(String planId, String stlId, String status, Integer sdgGoal, String ogpValue) {
            return new Filter(QueryParams.id("planId", planId), QueryParams.slug("stlId", stlId),
                    QueryParams.status(status), QueryParams.range("sdgGoal", sdgGoal, 1, 17),
                    QueryParams.ogpValue(ogpValue));
        }
    }

    public record Page(List<CommitmentState> items, long totalItems) {
    }

    public Page find(Filter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        long total = jdbc.sql("SELECT count(*) FROM " + ViewTables.LIVE.commitments() + where)
                .params(params).query(Long.class).single();
        params.add(size);
        params.add((long) page * size);
        List<CommitmentState> items = jdbc.sql("SELECT state FROM " + ViewTables.LIVE.commitments() + where
                        + " ORDER BY plan_id, code LIMIT ? OFFSET ?")
                .params(params).query(String.class).list().stream()
                .map(ViewStore::readState)
                .toList();
        return new Page(items, total);
    }

    public List<CommitmentState> all(Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return jdbc.sql("SELECT state FROM " + ViewTables.LIVE.commitments() + where + " ORDER BY plan_id, code")
                .params(params).query(String.class).list().stream()
                .map(ViewStore::readState)
                .toList();
    }

    private static String where(Filter filter, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (filter.planId() != null) {
            conditions.add("plan_id = ?");
            params.add(filter.planId());
        }
        if (filter.stlId() != null) {
            conditions.add("stl_id = ?");
            params.add(filter.stlId());
        }
        if (filter.status() != null) {
            conditions.add("status = ?");
            params.add(filter.status().name());
        }
        if (filter.sdgGoal() != null) {
            conditions.add("? = ANY(sdg_goals)");
            params.add(filter.sdgGoal());
        }
        if (filter.ogpValue() != null) {
            conditions.add("? = ANY(ogp_values)");
            params.add(filter.ogpValue().name());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
