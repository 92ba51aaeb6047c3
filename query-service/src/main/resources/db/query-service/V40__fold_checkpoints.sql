-- A commitment's folded state at every 100th version, so that an as-of view folds from the last checkpoint before
-- the instant and at most 99 events after it instead of its whole history. Derived from the archive as the views are:
-- the live consumer writes them, a rebuild fills rebuild_fold_checkpoint and a switch-over renames it into place.
-- History archived before this table existed has none until a replay with switchOver=true; as-of views of it fold
-- from the first event, as before.
CREATE TABLE fold_checkpoint (
    commitment_id VARCHAR(64) NOT NULL,
    version       BIGINT      NOT NULL,
    state         TEXT        NOT NULL,
    PRIMARY KEY (commitment_id, version)
);
