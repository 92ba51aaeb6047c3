-- A duplicate is proved, not assumed: the archive keeps each event's chain hash beside its id, so that a record
-- arriving again at a sequence can be compared with the one kept there.
ALTER TABLE event_archive ADD COLUMN hash VARCHAR(64);
UPDATE event_archive SET hash = envelope::jsonb ->> 'hash';

-- Where each archived record was read from, so that a replay takes from the topic only what came after the
-- archive's end. Rows archived before this column existed have none; see Replay.
ALTER TABLE event_archive ADD COLUMN kafka_partition INTEGER;
ALTER TABLE event_archive ADD COLUMN kafka_offset BIGINT;
CREATE INDEX event_archive_offsets ON event_archive (kafka_partition, kafka_offset);

-- A record that arrived at a sequence the archive already holds with another event: kept here for the auditor (it is
-- readable, so it does not belong on the dead-letter topic). While a row of an aggregate is unresolved, nothing
-- after held_after_sequence is applied to that aggregate's views, live or rebuilt.
CREATE TABLE projection_divergence (
    id                  BIGSERIAL    PRIMARY KEY,
    aggregate_id        VARCHAR(64)  NOT NULL,
    sequence            BIGINT       NOT NULL,
    stored_event_id     VARCHAR(100) NOT NULL,
    stored_hash         VARCHAR(64),
    received_event_id   VARCHAR(100),
    received_hash       VARCHAR(64),
    received_envelope   TEXT         NOT NULL,
    held_after_sequence BIGINT       NOT NULL,
    detected_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    resolved_at         TIMESTAMPTZ
);
-- the same divergent record delivered again is kept once
CREATE UNIQUE INDEX projection_divergence_record
    ON projection_divergence (aggregate_id, sequence, coalesce(received_event_id, ''), coalesce(received_hash, ''));
CREATE INDEX projection_divergence_unresolved ON projection_divergence (aggregate_id) WHERE resolved_at IS NULL;
