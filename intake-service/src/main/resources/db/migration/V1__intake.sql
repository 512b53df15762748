-- Complaints as accepted by intake, and the outbox that carries their events to Kafka.
CREATE TABLE complaint (
    id                   UUID PRIMARY KEY,
    tracking_code        TEXT        NOT NULL UNIQUE,
    idempotency_key      TEXT        UNIQUE,
    -- The PIN, sealed, kept only so that a retried request with the same Idempotency-Key gets the
    -- same answer; purged after a day.
    pin_sealed           TEXT,
    channel              TEXT        NOT NULL,
    entry_agency         TEXT,
    language             TEXT        NOT NULL,
    title                TEXT,
    text                 TEXT        NOT NULL,
    category             TEXT,
    region_code          TEXT,
    location_description TEXT,
    anonymous            BOOLEAN     NOT NULL,
    confidential         BOOLEAN     NOT NULL,
    reporter_sealed      TEXT,
    submitted_at         TIMESTAMPTZ NOT NULL
);

CREATE TABLE outbox_event (
    seq          BIGSERIAL PRIMARY KEY,
    id           UUID        NOT NULL UNIQUE, -- the CloudEvents ce_id
    topic        TEXT        NOT NULL,
    event_key    TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    source       TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    payload      TEXT        NOT NULL,
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;
