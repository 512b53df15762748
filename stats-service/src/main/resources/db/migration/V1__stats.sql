-- One anonymised row per complaint. By design there is no column for free text (title, text, place
-- description, reasons) or for the reporter: stats can leak neither, whatever the events carry.
create table complaint_fact (
    complaint_id      text primary key,
    category          text,         -- category code or 'unknown'; null until ComplaintSubmitted is seen
    province_code     text,         -- first two digits of the region code or 'unknown'; null likewise
    channel           text,         -- null likewise
    submitted_at      timestamptz,  -- null while only later events have been seen
    status            text,         -- owned by complaints.lifecycle; RECEIVED until the first of those
    status_changed_at timestamptz,
    agency_id         text,         -- the agency that must act, once routed
    routing_outcome   text check (routing_outcome in ('ROUTED', 'TRIAGE')),
    updated_at        timestamptz not null
);

-- Ledger of consumed CloudEvents ids: a redelivered event finds its id here and changes nothing.
create table processed_event (
    event_id     text primary key,
    consumer     text        not null,
    processed_at timestamptz not null default now()
);
