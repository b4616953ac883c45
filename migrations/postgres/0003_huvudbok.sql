-- Budgetkollen i PostgreSQL, schemaversion 3: huvudboksexporter (kodmappning och rubrikmappning).
-- Samma mönster som 0001: raden som boten har den i `rad`, beräknade kolumner för den som läser med SQL.

-- A ledger code (ansvar or verksamhet) and the unit its rows are summed into.
CREATE TABLE kodmappningar (
  rad json NOT NULL,
  kod text GENERATED ALWAYS AS (rad ->> 'kod') STORED PRIMARY KEY,
  enhet text GENERATED ALWAYS AS (rad ->> 'enhet') STORED NOT NULL
    REFERENCES enheter (id) DEFERRABLE INITIALLY DEFERRED,
  skapad_i bigint NOT NULL,
  plats integer NOT NULL,
  andrad_i bigint NOT NULL
);

-- A ledger export's header (lower case, without spaces, underscores or diacritics) and the column it is read as.
CREATE TABLE rubrikmappningar (
  rad json NOT NULL,
  rubrik text GENERATED ALWAYS AS (rad ->> 'rubrik') STORED PRIMARY KEY,
  kolumn text GENERATED ALWAYS AS (rad ->> 'kolumn') STORED NOT NULL
    CHECK (kolumn IN ('kod', 'period', 'budget_ack', 'utfall_ack', 'budget_helar', 'prognos_helar')),
  skapad_i bigint NOT NULL,
  plats integer NOT NULL,
  andrad_i bigint NOT NULL
);
