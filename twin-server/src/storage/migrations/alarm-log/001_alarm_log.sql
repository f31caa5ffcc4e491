-- The alarm log's own database (REQ PLAT-8, ANSI/ISA-18.2), beside the telemetry database so that
-- its commits never queue behind the readings': the current record of every alarm, the log of
-- everything that happened to alarms (raised, acknowledged, shelved, commanded, notified … with
-- time and actor), and the linkage commands sent to devices with their outcome (PLAT-6, MUN-5).
CREATE TABLE alarms (
  alarm_id   VARCHAR PRIMARY KEY,
  state      VARCHAR NOT NULL,
  record     VARCHAR NOT NULL,
  updated_ms BIGINT NOT NULL
);

CREATE TABLE alarm_events (
  event_id         BIGINT PRIMARY KEY,
  alarm_id         VARCHAR NOT NULL,
  type             VARCHAR NOT NULL,
  at_ms            BIGINT NOT NULL,
  actor            VARCHAR NOT NULL,
  state_before     VARCHAR NOT NULL,
  state_after      VARCHAR NOT NULL,
  severity         VARCHAR NOT NULL,
  value            DOUBLE,
  note             VARCHAR,
  shelved_until_ms BIGINT,
  details          VARCHAR
);

CREATE INDEX alarm_events_by_alarm ON alarm_events (alarm_id);
CREATE INDEX alarm_events_by_time ON alarm_events (at_ms);

CREATE TABLE device_commands (
  command_id  VARCHAR PRIMARY KEY,
  device_id   VARCHAR NOT NULL,
  command     VARCHAR NOT NULL,
  alarm_id    VARCHAR,
  issued_ms   BIGINT NOT NULL,
  deadline_ms BIGINT NOT NULL,
  status      VARCHAR NOT NULL,
  settled_ms  BIGINT
);
