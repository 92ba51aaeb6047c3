-- Plans that commitments can be drafted in, written in the transaction that registers the plan.
CREATE TABLE plan_directory (
    plan_id VARCHAR(36) PRIMARY KEY,
    stl_id  VARCHAR(100) NOT NULL
);

-- Commitment codes are unique per plan: claimed in the transaction that appends CommitmentDrafted.
CREATE TABLE commitment_code (
    plan_id       VARCHAR(36)  NOT NULL,
    code          VARCHAR(100) NOT NULL,
    commitment_id VARCHAR(36)  NOT NULL UNIQUE,
    PRIMARY KEY (plan_id, code)
);

-- Answers to requests sent with an Idempotency-Key, stored in the transaction of the write they answer.
CREATE TABLE idempotency_key (
    idempotency_key VARCHAR(200) PRIMARY KEY,
    fingerprint     VARCHAR(64)  NOT NULL,
    status          INTEGER      NOT NULL,
    headers         TEXT         NOT NULL,
    body            BYTEA        NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
