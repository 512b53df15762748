-- Issue 6: what came in on the citizen's channel besides the complaint's text.

-- A point the citizen chose to share (WGS 84): with the complaint, or the first one sent after it.
alter table complaint_case add column latitude double precision;
alter table complaint_case add column longitude double precision;

-- Photos as intake-service stored them (metadata stripped); intake serves the bytes, never followup.
-- No foreign key: a later message's photos may arrive before the complaint they belong to.
create table case_attachment (
    attachment_id text        primary key,
    complaint_id  text        not null,
    media_type    text        not null,
    size_bytes    bigint      not null,
    sha256        text        not null,
    -- the event that brought it: the complaint's or a later message's
    event_id      text        not null,
    received_at   timestamptz not null
);
create index case_attachment_complaint on case_attachment (complaint_id, received_at, attachment_id);

-- Later messages from the citizen on the same conversation (ComplaintSupplemented). One that arrives
-- before its complaint waits here (handled_at null) and is added when the complaint is opened.
create table case_supplement (
    event_id        text        primary key,
    complaint_id    text        not null,
    message_id      text,
    channel         text        not null,
    text            text        not null,
    latitude        double precision,
    longitude       double precision,
    supplemented_at timestamptz not null,
    received_at     timestamptz not null,
    handled_at      timestamptz,
    -- why it was not added to the history (e.g. the case was already closed)
    outcome         text
);
create index case_supplement_pending on case_supplement (complaint_id, supplemented_at) where handled_at is null;
create unique index case_supplement_message on case_supplement (complaint_id, message_id) where message_id is not null;
