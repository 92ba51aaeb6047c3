-- The query service's own schema: it never reads the command service's tables.

-- Every event consumed, the envelope kept as received: the auditors' history, integrity and as-of views
-- are computed from here.
CREATE TABLE event_archive (
    aggregate_id   VARCHAR(64)  NOT NULL,
    sequence       BIGINT       NOT NULL,
    event_id       VARCHAR(100) NOT NULL,
    aggregate_type VARCHAR(20)  NOT NULL,
    type           VARCHAR(100) NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    envelope       TEXT         NOT NULL,
    received_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (aggregate_id, sequence)
);

-- The views. Each set of tables (the live one, and a rebuild's while it runs) has the same shape; a rebuild
-- fills tables prefixed rebuild_ and the switch-over renames them.
CREATE TABLE commitment_view (
    commitment_id VARCHAR(64)  PRIMARY KEY,
    plan_id       VARCHAR(64)  NOT NULL,
    stl_id        VARCHAR(100) NOT NULL,
    code          VARCHAR(100) NOT NULL,
    status        VARCHAR(30)  NOT NULL,
    sdg_goals     INTEGER[]    NOT NULL,
    ogp_values    TEXT[]       NOT NULL,
    version       BIGINT       NOT NULL,
    last_event_at TIMESTAMPTZ  NOT NULL,
    state         TEXT         NOT NULL
);
CREATE INDEX commitment_view_plan ON commitment_view (plan_id);
CREATE INDEX commitment_view_stl ON commitment_view (stl_id);

CREATE TABLE plan_view (
    plan_id      VARCHAR(64)  PRIMARY KEY,
    stl_id       VARCHAR(100) NOT NULL,
    stl_name     TEXT         NOT NULL,
    jurisdiction TEXT         NOT NULL,
    title        TEXT         NOT NULL,
    period_start DATE         NOT NULL,
    period_end   DATE         NOT NULL
);

CREATE TABLE indicator_index (
    indicator_id  VARCHAR(64) PRIMARY KEY,
    commitment_id VARCHAR(64) NOT NULL
);

-- Per aggregate, the sequence of the last event applied to the views, committed with the view change.
CREATE TABLE projection_position (
    aggregate_id  VARCHAR(64) PRIMARY KEY,
    last_sequence BIGINT      NOT NULL
);

-- Events that arrived ahead of a gap, held until the gap fills.
CREATE TABLE held_event (
    aggregate_id VARCHAR(64) NOT NULL,
    sequence     BIGINT      NOT NULL,
    envelope     TEXT        NOT NULL,
    held_since   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (aggregate_id, sequence)
);
