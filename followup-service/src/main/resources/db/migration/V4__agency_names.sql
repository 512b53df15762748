-- The acting agency's name as routing's directory had it when it decided (Indonesian and English), so
-- that citizens and the public read "Pemerintah Kota Bandung", not "pemda-32.73". Absent for decisions
-- made before routing carried names.
alter table routing_outcome add column agency_name_id text;
alter table routing_outcome add column agency_name_en text;
alter table complaint_case add column agency_name_id text;
alter table complaint_case add column agency_name_en text;
