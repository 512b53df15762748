-- Open statistics (issue 7): the per-complaint facts every published statistic is counted from, the SLA
-- breaches and transfers, and the bookkeeping of rebuilds by replay.
--
-- Every column is merged by a rule that does not depend on the order events arrive in (latest of a
-- tuple, minimum, maximum), so a projection converges whatever the interleaving of the topics, and a
-- rebuild by replay ends with exactly the rows the live projection has (ProjectionWriter).
-- Still no column for free text (titles, texts, place descriptions, reasons) or for the reporter.
--
-- Rows written by the walking skeleton keep what they had; the new columns fill in after a rebuild
-- (POST /api/v1/stats/admin/rebuild, see stats-service/README.md).

alter table complaint_fact rename column category to citizen_category;
alter table complaint_fact rename column province_code to citizen_region;
alter table complaint_fact rename column agency_id to route_agency_id;
alter table complaint_fact rename column routing_outcome to route_outcome;

-- citizen_category, citizen_region: what the citizen chose, a known category code and the region code
-- cut to the regency (32.73).
alter table complaint_fact
    -- the latest routing decision (highest transfer count, then latest time): routing's category and
    -- region are better than the citizen's and win when present
    add column route_transfer_count int,
    add column route_decided_at     timestamptz,
    add column route_category       text,
    add column route_region         text,
    -- the agency a lifecycle event named with the latest status
    add column status_agency_id     text,
    -- furthest funnel stage reached: 0 received, 1 routed, 2 in progress, 3 responded, 4 closed
    add column stage_reached        smallint not null default 0,
    add column first_response_at    timestamptz,   -- earliest RESPONDED
    add column closed_at            timestamptz,   -- latest CLOSED
    add column rating               smallint check (rating between 1 and 5),
    add column rated_at             timestamptz;

-- A status is only ever set by complaints.lifecycle; until the first one the complaint is RECEIVED.
update complaint_fact set status = null, status_changed_at = null where status = 'RECEIVED';
update complaint_fact set route_transfer_count = 0, route_decided_at = updated_at where route_outcome is not null;

-- SLA breaches (ComplaintEscalated): the first escalation of each agency that held the complaint.
create table complaint_sla_breach (
    complaint_id       text        not null,
    agency_id          text        not null,
    first_escalated_at timestamptz not null,
    primary key (complaint_id, agency_id)
);

-- Transfers between agencies: the n-th re-routing of a complaint, from the agency that declined it to
-- the next one (to_agency_id null: to the operators' triage queue).
create table complaint_transfer (
    complaint_id   text        not null,
    transfer_count int         not null check (transfer_count > 0),
    from_agency_id text        not null,
    to_agency_id   text,
    outcome        text        not null check (outcome in ('ROUTED', 'TRIAGE')),
    decided_at     timestamptz not null,
    primary key (complaint_id, transfer_count)
);

-- Rebuilds by replay. The tables above and the ledger are rebuilt in schema stats_rebuild_<id> and moved
-- into this schema in one transaction; while one is REPLAYING, the live consumer writes every event
-- into both (see rebuild.ProjectionTargets).
create table stats_rebuild (
    id             bigint generated always as identity primary key,
    schema_name    text        not null unique,
    state          text        not null check (state in ('REPLAYING', 'SWITCHED', 'FAILED')),
    events_total   bigint      not null default 0,
    events_read    bigint      not null default 0,
    events_applied bigint      not null default 0,
    events_skipped bigint      not null default 0,
    started_at     timestamptz not null default now(),
    heartbeat_at   timestamptz not null default now(),
    finished_at    timestamptz,
    failure        text
);
-- At most one rebuild at a time.
create unique index stats_rebuild_one_at_a_time on stats_rebuild ((true)) where state = 'REPLAYING';
