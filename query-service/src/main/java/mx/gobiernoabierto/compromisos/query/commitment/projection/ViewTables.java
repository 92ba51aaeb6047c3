package mx.gobiernoabierto.compromisos.query.commitment.projection;

/**
 * The names of one set of view tables: the live set, or a rebuild's set (prefixed {@code rebuild_}) which a
 * switch-over renames into place.
 */
public record ViewTables(String commitments, String plans, String indicators, String positions, String held,
                         String checkpoints) {

    public static final ViewTables LIVE = withPrefix("");
    public static final ViewTables REBUILD = withPrefix("rebuild_");

    public static ViewTables withPrefix(String prefix) {
        return new ViewTables(prefix + "commitment_view", prefix + "plan_view", prefix + "indicator_index",
                prefix + "projection_position", prefix + "held_event", prefix + "fold_checkpoint");
    }

    public java.util.List<String> all() {
        return java.util.List.of(commitments, plans, indicators, positions, held, checkpoints);
    }
}
