-- One routing decision per complaint: the agency that must act, or the triage queue.
create table routing_decision (
    complaint_id text primary key,
    agency_id    text,
    rule_id      text        not null,
    reasons      text[]      not null,
    confidence   double precision not null check (confidence between 0 and 1),
    outcome      text        not null check (outcome in ('ROUTED', 'TRIAGE')),
    decided_at   timestamptz not null,
    -- a routed complaint names its agency; a triaged one has none
    check ((outcome = 'ROUTED') = (agency_id is not null))
);

-- Ledger of consumed CloudEvents ids: a redelivered event finds its id here and changes nothing.
create table processed_event (
    event_id     text primary key,
    consumer     text        not null,
    processed_at timestamptz not null default now()
);

-- Transactional outbox: events written with the change that caused them, published by OutboxRelay.
create table outbox_event (
    id           bigserial primary key,            -- insertion order is publication order
    event_id     text        not null unique,      -- the CloudEvents ce_id, kept when republished
    event_type   text        not null,
    source       text        not null,
    topic        text        not null,
    complaint_id text        not null,             -- the Kafka key
    occurred_at  timestamptz not null,
    payload      text        not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);

create index outbox_event_unpublished on outbox_event (id) where published_at is null;
