-- The alarm log moved to a database file of its own (`<name>.alarms.duckdb`, migrations in
-- `alarm-log/`): an alarm's commit no longer waits behind the readings' commits. Opening the store
-- copies what these tables held into it before this migration runs.
DROP TABLE device_commands;
DROP TABLE alarm_events;
DROP TABLE alarms;
