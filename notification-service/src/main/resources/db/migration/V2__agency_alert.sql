-- Messages to agencies (not to citizens): "a complaint that came in through your door went to another
-- agency" (no wrong door). One per routing decision that sends a complaint away from its entry agency.
create table agency_alert (
    id           bigserial primary key,
    event_id     text        not null unique,   -- the ComplaintRouted ce_id: a redelivery adds nothing
    complaint_id text        not null,
    agency_id    text        not null,          -- the recipient: the entry agency
    kind         text        not null,
    body_id      text        not null,
    body_en      text        not null,
    created_at   timestamptz not null default now()
);
create index agency_alert_agency on agency_alert (agency_id, created_at);
