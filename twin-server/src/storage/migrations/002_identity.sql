-- Identity: organisations, users with their grants, sessions, and the audit log (REQ PLAT-8,
-- PLAT-11, PROP-2 i). Scopes, grants and links are JSON text validated by the server.
CREATE TABLE organisations (
  org_id             VARCHAR PRIMARY KEY,
  name               VARCHAR NOT NULL,
  kind               VARCHAR NOT NULL,
  domain             VARCHAR NOT NULL,
  idle_timeout_s     INTEGER NOT NULL,
  session_lifetime_s INTEGER NOT NULL,
  lockout_threshold  INTEGER NOT NULL,
  lockout_s          INTEGER NOT NULL,
  created_ms         BIGINT NOT NULL,
  updated_ms         BIGINT NOT NULL
);

CREATE TABLE users (
  user_id          VARCHAR PRIMARY KEY,
  org_id           VARCHAR NOT NULL,
  username         VARCHAR NOT NULL,
  display_name     VARCHAR NOT NULL,
  password_hash    VARCHAR,
  clearance        VARCHAR NOT NULL,
  grants           VARCHAR NOT NULL,
  sso_links        VARCHAR NOT NULL,
  disabled         BOOLEAN NOT NULL,
  demo_credentials BOOLEAN NOT NULL,
  failed_logins    INTEGER NOT NULL,
  locked_until_ms  BIGINT,
  created_ms       BIGINT NOT NULL,
  updated_ms       BIGINT NOT NULL,
  last_login_ms    BIGINT
);

-- Sessions by the SHA-256 of their token; the token itself is never stored.
CREATE TABLE sessions (
  token_hash     VARCHAR PRIMARY KEY,
  user_id        VARCHAR NOT NULL,
  method         VARCHAR NOT NULL,
  ip             VARCHAR NOT NULL,
  created_ms     BIGINT NOT NULL,
  last_active_ms BIGINT NOT NULL,
  expires_ms     BIGINT NOT NULL,
  ended_ms       BIGINT,
  end_reason     VARCHAR
);

CREATE SEQUENCE audit_event_ids START 1;

CREATE TABLE audit_events (
  event_id   BIGINT PRIMARY KEY DEFAULT nextval('audit_event_ids'),
  ts_ms      BIGINT NOT NULL,
  org_id     VARCHAR,
  actor_id   VARCHAR,
  actor_name VARCHAR NOT NULL,
  action     VARCHAR NOT NULL,
  target     VARCHAR NOT NULL,
  outcome    VARCHAR NOT NULL,
  ip         VARCHAR NOT NULL,
  detail     VARCHAR NOT NULL
);
