-- Runs once, when the postgres container starts on an empty data directory
-- (/docker-entrypoint-initdb.d). One database per service (DESIGN.md), plus Keycloak's.
CREATE DATABASE intake;
CREATE DATABASE routing;
CREATE DATABASE followup;
CREATE DATABASE stats;
CREATE DATABASE notification;
CREATE DATABASE keycloak;
