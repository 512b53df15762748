-- The agency directory: seeded from routing/agencies.tsv, the wilayah data and countries.tsv at start
-- (insert if missing); operators edit it over REST. Agencies are never deleted (complaints name them
-- forever): an inactive agency is simply never chosen.
create table agency (
    id          text primary key,
    name_id     text        not null,
    name_en     text        not null,
    level       text        not null check (level in ('COORDINATOR', 'NATIONAL', 'ENTERPRISE', 'PROVINCE',
                                                      'REGENCY', 'EMBASSY')),
    region_code text,
    parent_id   text,
    categories  text[]      not null,
    autonomous  boolean     not null default true,
    active      boolean     not null default true,
    updated_at  timestamptz not null default now(),
    updated_by  text        not null default 'seed'
);
create index agency_parent on agency (parent_id);
create index agency_level on agency (level);

-- What routing read of each complaint, kept to route it again after a transfer. Free text is needed
-- here (routing reads it); stats never gets it.
create table routing_input (
    complaint_id    text primary key,
    text            text        not null,
    location        text,
    region_code     text,
    entry_agency    text,
    chosen_category text,
    language        text        not null,
    submitted_at    timestamptz not null
);

alter table routing_decision
    add column category       text,
    add column region_code    text,
    add column entry_agency   text,
    add column would_route_to text,
    add column transfer_count int not null default 0;

-- The referral chain: every decision taken for a complaint, in order, and which agencies declined.
create table referral (
    id               bigserial primary key,
    complaint_id     text             not null,
    seq              int              not null,
    outcome          text             not null check (outcome in ('ROUTED', 'TRIAGE')),
    agency_id        text,
    rule_id          text             not null,
    reasons          text[]           not null,
    confidence       double precision not null,
    decided_at       timestamptz      not null,
    decided_by       text             not null default 'routing',
    declined_at      timestamptz,
    decline_reason   text,
    suggested_agency text,
    unique (complaint_id, seq),
    check ((outcome = 'ROUTED') = (agency_id is not null))
);
create index routing_decision_triage on routing_decision (decided_at) where outcome = 'TRIAGE';
