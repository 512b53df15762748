-- Issue 6: SMS and chat channels, conversations, photos, rate limits.

-- A complaint from SMS or chat remembers who sent it only as a keyed hash of channel + address
-- (sender_key), so that STATUS <code> is answered only to the same sender and a follow-up message
-- within the conversation window adds to it. last_message_at moves with every added message.
ALTER TABLE complaint
    ADD COLUMN sender_key      TEXT,
    ADD COLUMN origin_provider TEXT,
    ADD COLUMN last_message_at TIMESTAMPTZ,
    ADD COLUMN point_latitude  DOUBLE PRECISION,
    ADD COLUMN point_longitude DOUBLE PRECISION;
CREATE INDEX complaint_sender_recent ON complaint (sender_key, last_message_at DESC) WHERE sender_key IS NOT NULL;

-- Every inbound SMS/chat message, once: the provider's message id is the key, so a retried webhook
-- delivery finds its row and changes nothing.
CREATE TABLE inbound_message (
    provider     TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    channel      TEXT        NOT NULL,
    sender_key   TEXT        NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL,
    outcome      TEXT        NOT NULL,
    complaint_id UUID,
    PRIMARY KEY (provider, message_key)
);
CREATE INDEX inbound_message_received ON inbound_message (received_at);

-- Photos, stored after their metadata (EXIF, GPS, XMP, comments, text chunks) was stripped.
CREATE TABLE attachment (
    id           UUID PRIMARY KEY,
    complaint_id UUID        NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
    media_type   TEXT        NOT NULL,
    size_bytes   BIGINT      NOT NULL,
    sha256       TEXT        NOT NULL,
    width        INTEGER     NOT NULL,
    height       INTEGER     NOT NULL,
    content      BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX attachment_complaint ON attachment (complaint_id);

-- Fixed-window counters of the rate limits (per sender, per IP), shared by every replica.
CREATE TABLE rate_limit_window (
    bucket       TEXT        NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    hits         INTEGER     NOT NULL,
    PRIMARY KEY (bucket, window_start)
);

-- When a sender was last told they are rate limited: at most once an hour, then silence.
CREATE TABLE sender_notice (
    sender_key            TEXT PRIMARY KEY,
    rate_limited_reply_at TIMESTAMPTZ NOT NULL
);
