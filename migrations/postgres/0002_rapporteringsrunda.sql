-- Budgetkollen i PostgreSQL, schemaversion 2: rapporteringsrundan (frister, påminnelser, klarmarkering).
-- Samma mönster som 0001: raden som boten har den i `rad`, beräknade kolumner för den som läser med SQL.

-- The deadline rule of a unit (the municipality or a nämnd), for every month (period null, key '*') or for one month.
CREATE TABLE rapporteringsplaner (
  rad json NOT NULL,
  enhet text GENERATED ALWAYS AS (rad ->> 'enhet') STORED NOT NULL
    REFERENCES enheter (id) DEFERRABLE INITIALLY DEFERRED,
  period text GENERATED ALWAYS AS (rad ->> 'period') STORED CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  period_nyckel text GENERATED ALWAYS AS (coalesce(rad ->> 'period', '*')) STORED NOT NULL,
  frist text GENERATED ALWAYS AS (rad ->> 'frist') STORED NOT NULL CHECK (frist IN ('arbetsdag', 'datum', 'ingen')),
  arbetsdag integer GENERATED ALWAYS AS ((rad ->> 'arbetsdag')::integer) STORED,
  datum text GENERATED ALWAYS AS (rad ->> 'datum') STORED CHECK (datum ~ '^\d{4}-\d{2}-\d{2}$'),
  uppehall json GENERATED ALWAYS AS (rad -> 'uppehall') STORED,
  paminn_dagar integer GENERATED ALWAYS AS ((rad ->> 'paminn_dagar')::integer) STORED,
  klockslag text GENERATED ALWAYS AS (rad ->> 'klockslag') STORED,
  andrad_av text GENERATED ALWAYS AS (rad ->> 'andrad_av') STORED,
  andrad timestamptz GENERATED ALWAYS AS (bk_tid(rad ->> 'andrad')) STORED,
  skapad_i bigint NOT NULL,
  plats integer NOT NULL,
  andrad_i bigint NOT NULL,
  PRIMARY KEY (enhet, period_nyckel)
);

-- A closed month marked ready for a unit and everything below it; unmarking keeps the row with klar false.
CREATE TABLE klarmarkeringar (
  rad json NOT NULL,
  enhet text GENERATED ALWAYS AS (rad ->> 'enhet') STORED NOT NULL
    REFERENCES enheter (id) DEFERRABLE INITIALLY DEFERRED,
  period text GENERATED ALWAYS AS (rad ->> 'period') STORED NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  klar boolean GENERATED ALWAYS AS ((rad ->> 'klar')::boolean) STORED NOT NULL,
  av text GENERATED ALWAYS AS (rad ->> 'av') STORED NOT NULL,
  tid timestamptz GENERATED ALWAYS AS (bk_tid(rad ->> 'tid')) STORED NOT NULL,
  skapad_i bigint NOT NULL,
  plats integer NOT NULL,
  andrad_i bigint NOT NULL,
  PRIMARY KEY (enhet, period)
);

-- Whose personal chat a conversation is, and why a month marked ready was corrected.
ALTER TABLE konversationer ADD COLUMN anvandare text GENERATED ALWAYS AS (rad ->> 'anvandare') STORED;
ALTER TABLE utfall ADD COLUMN korrigering text GENERATED ALWAYS AS (rad ->> 'korrigering') STORED;
