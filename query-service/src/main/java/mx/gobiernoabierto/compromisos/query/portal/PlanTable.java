package mx.gobiernoabierto.compromisos.query.portal;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.events.OgpValue;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentFigures;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;
import mx.gobiernoabierto.compromisos.query.commitment.web.CommitmentViews;

/**
 * A plan's commitments as its page shows them: filtered (status, SDG goal, OGP value, schedule status), sorted by a
 * column and cut into pages. The page and its CSV and JSON downloads share this, so a download holds exactly the
 * rows shown. Every parameter lives in the address, in Spanish, so a view can be bookmarked and shared.
 */
final class PlanTable {

    static final int PAGE_SIZE = 25;
    static final List<String> SCHEDULES = List.of(CommitmentFigures.ON_TRACK, CommitmentFigures.AT_RISK,
            CommitmentFigures.DELAYED);
    static final List<String> COLUMNS = List.of("codigo", "titulo", "estado", "avance", "calendario", "vencidos");

    /** The parameters as read from the address; {@code null} where absent. */
    record Query(CommitmentStatus status, Integer sdgGoal, OgpValue ogpValue, String schedule, String sort,
                 boolean descending, int page) {

        static Query parse(String estado, String ods, String valor, String calendario, String orden, String dir,
                           String pagina) {
            CommitmentStatus status = enumOrNull(estado, CommitmentStatus.class, "estado");
            OgpValue value = enumOrNull(valor, OgpValue.class, "valor");
            Integer goal = null;
            if (!blank(ods)) {
                goal = integer(ods, "ods");
                if (goal < 1 || goal > Sdg.GOALS) {
                    throw new PageBadRequest("ods", "parametro.ods");
                }
            }
            String schedule = blank(calendario) ? null : calendario.strip();
            if (schedule != null && !SCHEDULES.contains(schedule)) {
                throw new PageBadRequest("calendario", "parametro.calendario");
            }
            String sort = blank(orden) ? "codigo" : orden.strip();
            if (!COLUMNS.contains(sort)) {
                throw new PageBadRequest("orden", "parametro.orden");
            }
            boolean descending = false;
            if (!blank(dir)) {
                if (!dir.equals("asc") && !dir.equals("desc")) {
                    throw new PageBadRequest("dir", "parametro.dir");
                }
                descending = dir.equals("desc");
            }
            int page = 1;
            if (!blank(pagina)) {
                page = integer(pagina, "pagina");
                if (page < 1 || page > 1_000_000) {
                    throw new PageBadRequest("pagina", "parametro.pagina");
                }
            }
            return new Query(status, goal, value, schedule, sort, descending, page);
        }

        /** The parameters that differ from the defaults, as the address writes them. */
        public Map<String, String> parameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            if (status != null) {
                parameters.put("estado", status.name());
            }
            if (sdgGoal != null) {
                parameters.put("ods", sdgGoal.toString());
            }
            if (ogpValue != null) {
                parameters.put("valor", ogpValue.name());
            }
            if (schedule != null) {
                parameters.put("calendario", schedule);
            }
            if (!sort.equals("codigo")) {
                parameters.put("orden", sort);
            }
            if (descending) {
                parameters.put("dir", "desc");
            }
            if (page != 1) {
                parameters.put("pagina", Integer.toString(page));
            }
            return parameters;
        }

        /** This query's address part ({@code ?estado=...}), empty when all are defaults. */
        public String queryString() {
            return queryString(parameters());
        }

        /** The address of the same view sorted by a column: ascending first, or reversed if already sorted by it. */
        public String sortedBy(String column) {
            Map<String, String> parameters = parameters();
            parameters.remove("pagina");
            parameters.remove("dir");
            parameters.remove("orden");
            if (!column.equals("codigo")) {
                parameters.put("orden", column);
            }
            if (column.equals(sort) && !descending) {
                parameters.put("dir", "desc");
            }
            return queryString(parameters);
        }

        /** The address of another page of the same view. */
        public String atPage(int other) {
            Map<String, String> parameters = parameters();
            parameters.remove("pagina");
            if (other != 1) {
                parameters.put("pagina", Integer.toString(other));
            }
            return queryString(parameters);
        }

        /** {@code ascending}, {@code descending} or {@code none}: the column's {@code aria-sort}. */
        public String ariaSort(String column) {
            return !column.equals(sort) ? "none" : descending ? "descending" : "ascending";
        }

        public boolean filtered() {
            return status != null || sdgGoal != null || ogpValue != null || schedule != null;
        }

        private static String queryString(Map<String, String> parameters) {
            if (parameters.isEmpty()) {
                return "";
            }
            StringJoiner joined = new StringJoiner("&", "?", "");
            parameters.forEach((k, v) -> joined.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return joined.toString();
        }
    }

    /**
     * One page of rows.
     *
     * @param rows       the summaries shown, in order
     * @param totalItems the rows the filters select, over all pages
     * @param pages      how many pages they fill (at least 1)
     */
    record Result(Query query, List<CommitmentViews.Summary> rows, int totalItems, int pages, LocalDate on) {

        public int first() {
            return rows.isEmpty() ? 0 : (query.page() - 1) * PAGE_SIZE + 1;
        }

        public int last() {
            return (query.page() - 1) * PAGE_SIZE + rows.size();
        }
    }

    private PlanTable() {
    }

    /**
     * Filters by schedule status (the only filter the stored views cannot apply), sorts and cuts one page.
     *
     * @param commitments the plan's commitments already filtered by status, SDG goal and OGP value
     */
    static Result of(List<CommitmentState> commitments, Query query, LocalDate on) {
        List<CommitmentViews.Summary> selected = commitments.stream()
                .map(state -> CommitmentViews.summary(state, on))
                .filter(s -> query.schedule() == null || query.schedule().equals(s.scheduleStatus()))
                .sorted(order(query))
                .toList();
        int pages = Math.max(1, (selected.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int from = Math.min(selected.size(), (query.page() - 1) * PAGE_SIZE);
        int to = Math.min(selected.size(), from + PAGE_SIZE);
        return new Result(query, selected.subList(from, to), selected.size(), pages, on);
    }

    private static Comparator<CommitmentViews.Summary> order(Query query) {
        Comparator<CommitmentViews.Summary> byCode = Comparator.comparing(CommitmentViews.Summary::code);
        Comparator<CommitmentViews.Summary> primary = switch (query.sort()) {
            case "titulo" -> Comparator.comparing(s -> s.title().toLowerCase(Formats.ES_MX));
            case "estado" -> Comparator.comparing(CommitmentViews.Summary::status);
            case "avance" -> Comparator.comparing(CommitmentViews.Summary::implementationProgress,
                    Comparator.nullsFirst(BigDecimal::compareTo));
            case "calendario" -> Comparator.comparing(s -> scheduleRank(s.scheduleStatus()));
            case "vencidos" -> Comparator.comparingInt(CommitmentViews.Summary::milestonesOverdue);
            default -> byCode;
        };
        Comparator<CommitmentViews.Summary> ordered = query.descending() ? primary.reversed() : primary;
        return ordered.thenComparing(byCode);
    }

    /** On track, at risk, delayed, then the commitments without a schedule status. */
    private static int scheduleRank(String schedule) {
        int rank = SCHEDULES.indexOf(schedule);
        return rank < 0 ? SCHEDULES.size() : rank;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static int integer(String text, String parameter) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new PageBadRequest(parameter, "parametro." + parameter);
        }
    }

    private static <E extends Enum<E>> E enumOrNull(String text, Class<E> type, String parameter) {
        if (blank(text)) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw new PageBadRequest(parameter, "parametro." + parameter);
        }
    }
}
