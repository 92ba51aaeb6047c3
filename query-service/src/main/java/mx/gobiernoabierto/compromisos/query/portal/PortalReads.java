package mx.gobiernoabierto.compromisos.query.portal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.PlanRegistered;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewStore;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewTables;
import mx.gobiernoabierto.compromisos.query.commitment.web.CommitmentSearch;
import mx.gobiernoabierto.compromisos.events.Identifiers;

/** What the pages read from the live views: plans, commitments by selection, one commitment. */
@Component
class PortalReads {

    private final JdbcClient jdbc;
    private final ViewStore store;
    private final CommitmentSearch search;

    PortalReads(JdbcClient jdbc, ViewStore store, CommitmentSearch search) {
        this.jdbc = jdbc;
        this.store = store;
        this.search = search;
    }

    /** Every registered plan, by jurisdiction then title. */
    List<PlanRegistered> plans() {
        return jdbc.sql("SELECT * FROM " + ViewTables.LIVE.plans() + " ORDER BY jurisdiction, title, plan_id")
                .query((row, n) -> new PlanRegistered(row.getString("plan_id"), row.getString("stl_id"),
                        row.getString("stl_name"), row.getString("jurisdiction"), row.getString("title"),
                        row.getObject("period_start", LocalDate.class), row.getObject("period_end", LocalDate.class)))
                .list();
    }

    Optional<PlanRegistered> plan(String planId) {
        return isId(planId) ? store.plan(ViewTables.LIVE, planId) : Optional.empty();
    }

    List<CommitmentState> commitments(String planId, String stlId) {
        return search.all(new CommitmentSearch.Filter(planId, stlId, null, null, null));
    }

    Optional<CommitmentState> commitment(String commitmentId) {
        return isId(commitmentId) ? store.commitment(ViewTables.LIVE, commitmentId) : Optional.empty();
    }

    static boolean isId(String text) {
        return Identifiers.isId(text);
    }

    static boolean isSlug(String text) {
        return text != null && text.length() <= 100 && Identifiers.isStlSlug(text);
    }
}
