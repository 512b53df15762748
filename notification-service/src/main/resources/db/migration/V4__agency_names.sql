-- The responsible agency's name (Indonesian and English) as followup-service passed it on from
-- routing's directory: citizens are told "Pemerintah Kota Bandung", not "pemda-32.73". Absent for
-- status changes from before names were carried; the texts then fall back to the agency id.
alter table complaint_state add column agency_name_id text;
alter table complaint_state add column agency_name_en text;
alter table pending_status_update add column agency_name_id text;
alter table pending_status_update add column agency_name_en text;
