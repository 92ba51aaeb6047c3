-- Run once by the postgres image, on the first start with an empty data volume
-- (files in /docker-entrypoint-initdb.d). Each service owns one database and its schema (Flyway in the service
-- migrates it on start), so the read side can be rebuilt or moved without touching the event store.
CREATE DATABASE compromisos_command;
CREATE DATABASE compromisos_query;
