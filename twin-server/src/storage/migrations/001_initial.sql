-- Sensor registry, raw readings, rollups and the bookkeeping that keeps rollups exact.
--
-- Time is BIGINT epoch milliseconds throughout, not TIMESTAMP_MS: both are 64-bit integers on
-- disk with the same zone maps (min/max per row group) for range pruning, but BIGINT is what
-- the server speaks (epoch ms everywhere), needs no time zone rules, makes bucket arithmetic
-- plain integer division (ts // 60000 * 60000), and takes the appender's DOUBLE input column
-- with a native cast, so ingest never builds a JavaScript BigInt per reading.

-- One row per sensor ever registered. sensor_key is assigned once per sensor_id and never
-- reused or changed; rows are never deleted, so a key stays reserved even after the sensor
-- leaves the registry. kind is VARCHAR rather than ENUM: the kind list grows with the product
-- and this table is small.
CREATE TABLE sensors (
  sensor_key          INTEGER PRIMARY KEY,
  sensor_id           VARCHAR NOT NULL UNIQUE,
  kind                VARCHAR NOT NULL,
  unit                VARCHAR NOT NULL,
  name                VARCHAR NOT NULL,
  name_en             VARCHAR,
  area                VARCHAR NOT NULL,
  placement           VARCHAR NOT NULL,
  building            VARCHAR,
  storey              VARCHAR,
  ifc_global_id       VARCHAR,
  network_element     VARCHAR,
  lon                 DOUBLE NOT NULL,
  lat                 DOUBLE NOT NULL,
  height_m            DOUBLE NOT NULL,
  sampling_interval_s DOUBLE NOT NULL,
  -- The whole registry entry as JSON text (thresholds, range, …), as last synchronised.
  definition          VARCHAR NOT NULL,
  registered_ms       BIGINT NOT NULL,
  updated_ms          BIGINT NOT NULL
);

-- Raw telemetry. No PRIMARY KEY or UNIQUE index: an ART index on (sensor_key, ts) cut the
-- append rate about sixfold and moved index maintenance onto the ingest thread. Exact repeats
-- are filtered before insert instead (per-sensor high-water mark, then an anti-join for the
-- readings at or below it). Rows arrive roughly in time order, so ts zone maps prune well.
CREATE TABLE readings (
  sensor_key INTEGER NOT NULL,
  ts         BIGINT NOT NULL,
  value      DOUBLE NOT NULL
);

-- Aggregates per sensor and bucket. n, vmin, vmax and vsum combine exactly into coarser
-- buckets; last_value is the value at last_ts, the latest reading of the bucket.
CREATE TABLE rollup_1m (
  sensor_key INTEGER NOT NULL,
  bucket_ms  BIGINT NOT NULL,
  n          BIGINT NOT NULL,
  vmin       DOUBLE NOT NULL,
  vmax       DOUBLE NOT NULL,
  vsum       DOUBLE NOT NULL,
  last_ts    BIGINT NOT NULL,
  last_value DOUBLE NOT NULL
);

CREATE TABLE rollup_1h (
  sensor_key INTEGER NOT NULL,
  bucket_ms  BIGINT NOT NULL,
  n          BIGINT NOT NULL,
  vmin       DOUBLE NOT NULL,
  vmax       DOUBLE NOT NULL,
  vsum       DOUBLE NOT NULL,
  last_ts    BIGINT NOT NULL,
  last_value DOUBLE NOT NULL
);

-- Minute buckets whose raw rows changed after their rollup was computed (or that were never
-- rolled up). A commit adds its buckets in the same transaction as its readings; a refresh
-- recomputes them and deletes the markers it saw. Readers treat a marked bucket as stale and
-- aggregate it from raw rows, so rollup answers always equal an aggregate over raw rows.
-- Repeated markers are allowed (readers use DISTINCT).
CREATE TABLE rollup_dirty (
  bucket_ms BIGINT NOT NULL
);

-- Latest reading per sensor among the rolled-up buckets; together with the raw rows of marked
-- buckets it gives the latest reading of every sensor without scanning all raw rows.
CREATE TABLE sensor_latest (
  sensor_key INTEGER PRIMARY KEY,
  ts         BIGINT NOT NULL,
  value      DOUBLE NOT NULL
);
