package mx.gobiernoabierto.compromisos.query.portal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.PlanRegistered;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewStore;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewTables;
import mx.gobiernoabierto.compromisos.query.commitment.web.CommitmentSearch;

/** What the pages read from the live views: plans, commitments by selection, one commitment. */
@Component
class PortalReads {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

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
        return text != null && UUID_TEXT.matcher(text).matches();
    }

    static boolean isSlug(String text) {
        return text != null && text.length() <= 100 && SLUG.matcher(text).matches();
    }
}
