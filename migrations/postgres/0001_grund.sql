-- Budgetkollen i PostgreSQL, schemaversion 1.
--
-- Varje tabell med data håller raden exakt som boten har den i minnet (kolumnen `rad`, typen json så att
-- nycklarnas ordning och talens skrivning är orörda) och, beräknade ur den, vanliga kolumner med typer,
-- nycklar och villkor för den som läser med SQL eller Power BI. De beräknade kolumnerna kan inte komma ur
-- takt med raden. `skapad_i` och `plats` säger i vilken ändring (andringar.seq) och på vilken plats i den
-- raden först skrevs: det är radernas ordning. `andrad_i` är ändringen som skrev raden senast.
--
-- Boten skriver bara genom sin egen skrivväg; ändra inte tabellerna för hand.

-- A time stamp as the bot writes it (ISO 8601 with Z or an offset), as timestamptz. Declared immutable so
-- generated columns may use it: with an explicit offset the result does not depend on the session's TimeZone.
CREATE FUNCTION bk_tid(text) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT $1::timestamptz $$;

-- The change log: one row per change, in order. Followers (other instances) replay `ops` after `seq`.
CREATE TABLE andringar (
  seq bigint PRIMARY KEY CHECK (seq > 0),
  token uuid NOT NULL UNIQUE,
  tid timestamptz NOT NULL DEFAULT now(),
  vem text NOT NULL,
  kalla text NOT NULL,
  antal integer NOT NULL,
  ops json NOT NULL
);

CREATE TABLE enheter (
  rad json NOT NULL,
  id text GENERATED ALWAYS AS (rad ->> 'id') STORED PRIMARY KEY,
  namn text GENERATED ALWAYS AS (rad ->> 'namn') STORED NOT NULL,
  typ text GENERATED ALWAYS AS (rad ->> 'typ') STORED NOT NULL
    CHECK (typ IN ('kommun', 'nämnd', 'förvaltning', 'verksamhetsområde', 'verksamhet', 'enhet')),
  foralder text GENERATED ALWAYS AS (rad ->> 'foralder') STORED
    REFERENCES enheter (id) DEFERRABLE INITIALLY DEFERRED,
  alias json GENERATED ALWAYS AS (rad -> 'alias') STORED,
  skapad_i bigint NOT NULL,
  plats integer NOT NULL,
  andrad_i bigint NOT NULL
);

CREATE TABLE utfall (
  rad json NOT NULL,
  enhet text GENERATED ALWAYS AS (rad ->> 'enhet') STORED NOT NULL
    REFERENCES enheter (id) DEFERRABLE INITIALLY DEFERRED,
  period text GENERATED ALWAYS AS (rad ->> 'period') STORED NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  version integer GENERATED ALWAYS AS ((rad ->> 'version')::integer) STORED NOT NULL CHECK (version > 0),
  budget_ack numeric GENERATED ALWAYS AS ((rad ->> 'budget_ack')::numeric) STORED NOT NULL,
  utfall_ack numeric GENERATED ALWAYS AS ((rad ->> 'utfall_ack')::numeric) STORED NOT NULL,
  avvikelse_ack numeric GENERATED ALWAYS AS ((rad ->> 'budget_ack')::numeric - (rad ->> 'utfall_ack')::numeric) STORED NOT NULL,
  budget_helar numeric GENERATED ALWAYS AS ((rad ->> 'budget_helar')::numeric) STORED,
  prognos_helar numeric GENERATED ALWAYS AS ((rad ->> 'prognos_helar')::numeric) STORED,
  kommentar text GENERATED ALWAYS AS (rad ->> 'kommentar') STORED,
  kalla text GENERATED ALWAYS AS (rad ->> 'kalla') STORED,
  rapporterad_av text GENERATED ALWAYS AS (rad ->> 'rapporterad_av') STORED NOT NULL,
  rapporterad timestamptz GENERATED ALWAYS AS (bk_tid(rad ->> 'rapporterad')) STORED NOT NULL,
  skapad_i bigint NOT NULL,
  plats integer NOT NULL,
  -- two instances can never both save version n+1 of a unit's month
  PRIMARY KEY (enhet, period, version)
);

CREATE TABLE atgarder (
  rad json NOT NULL,
  enhet text GENERATED ALWAYS AS (rad ->> 'enhet') STORED NOT NULL
    REFERENCES enheter (id) DEFERRABLE INITIALLY DEFERRED,
  nr integer GENERATED ALWAYS AS ((rad ->> 'nr')::integer) STORED NOT NULL,
  atgard text GENERATED ALWAYS AS (rad ->> 'atgard') STORED NOT NULL,
  ansvarig text GENERATED ALWAYS AS (rad ->> 'ansvarig') STORED,
  tidplan text GENERATED ALWAYS AS (rad ->> 'tidplan') STORED,
  uppfoljning text GENERATED ALWAYS AS (rad ->> 'uppfoljning') STORED,
  kategori text GENERATED ALWAYS AS (rad ->> 'kategori') STORED CHECK (kategori IN ('A', 'B')),
  status text GENERATED ALWAYS AS (rad ->> 'status') STORED
    CHECK (status IN ('ej påbörjad', 'pågår', 'försenad', 'genomförd', 'avbruten')),
  kommentar text GENERATED ALWAYS AS (rad ->> 'kommentar') STORED,
  plan json GENERATED ALWAYS AS (rad -> 'plan') STORED,
  utfall json GENERATED ALWAYS AS (rad -> 'utfall') STORED,
  version integer GENERATED ALWAYS AS ((rad ->> 'version')::integer) STORED NOT NULL,
  andrad_av text GENERATED ALWAYS AS (rad ->> 'andrad_av') STORED,
  andrad timestamptz GENERATED ALWAYS AS (bk_tid(rad ->> 'andrad')) STORED,
  skapad_i bigint NOT NULL,
  plats integer NOT NULL,
  andrad_i bigint NOT NULL,
  PRIMARY KEY (enhet, nr)
);

CREATE TABLE atgardsplaner (
  rad json NOT NULL,
  enhet text GENERATED ALWAYS AS (rad ->> 'enhet') STORED PRIMARY KEY
    REFERENCES enheter (id) DEFERRABLE INITIALLY DEFERRED,
  namn text GENERATED ALWAYS AS (rad ->> 'namn') STORED,
  sparbeting numeric GENERATED ALWAYS AS ((rad ->> 'sparbeting')::numeric) STORED,
  angiven_summa numeric GENERATED ALWAYS AS ((rad ->> 'angiven_summa')::numeric) STORED,
  skapad_i bigint NOT NULL,
  plats integer NOT NULL,
  andrad_i bigint NOT NULL
);

CREATE TABLE nyckeltal (
  rad json NOT NULL,
  enhet text GENERATED ALWAYS AS (rad ->> 'enhet') STORED NOT NULL
    REFERENCES enheter (id) DEFERRABLE INITIALLY DEFERRED,
  period text GENERATED ALWAYS AS (rad ->> 'period') STORED NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  nyckeltal text GENERATED ALWAYS AS (rad ->> 'nyckeltal') STORED NOT NULL,
  varde numeric GENERATED ALWAYS AS ((rad ->> 'varde')::numeric) STORED NOT NULL,
  mal numeric GENERATED ALWAYS AS ((rad ->> 'mal')::numeric) STORED,
  skapad_i bigint NOT NULL,
  plats integer NOT NULL,
  andrad_i bigint NOT NULL,
  PRIMARY KEY (enhet, period, nyckeltal)
);

CREATE TABLE anvandare (
  rad json NOT NULL,
  id text GENERATED ALWAYS AS (rad ->> 'id') STORED PRIMARY KEY,
  namn text GENERATED ALWAYS AS (rad ->> 'namn') STORED NOT NULL,
  roll text GENERATED ALWAYS AS (rad ->> 'roll') STORED NOT NULL CHECK (roll IN ('chef', 'controller', 'admin')),
  enheter json GENERATED ALWAYS AS (rad -> 'enheter') STORED,
  skapad_i bigint NOT NULL,
  plats integer NOT NULL,
  andrad_i bigint NOT NULL
);

CREATE TABLE trosklar (
  rad json NOT NULL,
  enhet text GENERATED ALWAYS AS (rad ->> 'enhet') STORED PRIMARY KEY
    REFERENCES enheter (id) DEFERRABLE INITIALLY DEFERRED,
  varning_procent numeric GENERATED ALWAYS AS ((rad ->> 'varning_procent')::numeric) STORED,
  kritisk_procent numeric GENERATED ALWAYS AS ((rad ->> 'kritisk_procent')::numeric) STORED,
  varning_prognos_tkr numeric GENERATED ALWAYS AS ((rad ->> 'varning_prognos_tkr')::numeric) STORED,
  kritisk_prognos_tkr numeric GENERATED ALWAYS AS ((rad ->> 'kritisk_prognos_tkr')::numeric) STORED,
  skapad_i bigint NOT NULL,
  plats integer NOT NULL,
  andrad_i bigint NOT NULL
);

CREATE TABLE konversationer (
  rad json NOT NULL,
  id text GENERATED ALWAYS AS (rad ->> 'id') STORED PRIMARY KEY,
  typ text GENERATED ALWAYS AS (rad ->> 'typ') STORED NOT NULL CHECK (typ IN ('personal', 'groupChat', 'channel')),
  namn text GENERATED ALWAYS AS (rad ->> 'namn') STORED,
  referens json GENERATED ALWAYS AS (rad -> 'referens') STORED,
  aktiv boolean GENERATED ALWAYS AS ((rad ->> 'aktiv')::boolean) STORED NOT NULL,
  installerad timestamptz GENERATED ALWAYS AS (bk_tid(rad ->> 'installerad')) STORED,
  team text GENERATED ALWAYS AS (rad ->> 'team') STORED,
  skapad_i bigint NOT NULL,
  plats integer NOT NULL,
  andrad_i bigint NOT NULL
);

CREATE TABLE prenumerationer (
  rad json NOT NULL,
  konversation text GENERATED ALWAYS AS (rad ->> 'konversation') STORED NOT NULL
    REFERENCES konversationer (id) DEFERRABLE INITIALLY DEFERRED,
  enhet text GENERATED ALWAYS AS (rad ->> 'enhet') STORED NOT NULL,
  skapad_av text GENERATED ALWAYS AS (rad ->> 'skapad_av') STORED,
  skapad timestamptz GENERATED ALWAYS AS (bk_tid(rad ->> 'skapad')) STORED,
  aktiv boolean GENERATED ALWAYS AS ((rad ->> 'aktiv')::boolean) STORED NOT NULL,
  procent numeric GENERATED ALWAYS AS ((rad ->> 'procent')::numeric) STORED,
  skapad_i bigint NOT NULL,
  plats integer NOT NULL,
  andrad_i bigint NOT NULL,
  PRIMARY KEY (konversation, enhet)
);

-- The alert outbox. Who sends an entry is decided in utskicksansprak, not here.
CREATE TABLE utskick (
  rad json NOT NULL,
  id text GENERATED ALWAYS AS (rad ->> 'id') STORED PRIMARY KEY,
  konversation text GENERATED ALWAYS AS (rad ->> 'konversation') STORED NOT NULL
    REFERENCES konversationer (id) DEFERRABLE INITIALLY DEFERRED,
  enhet text GENERATED ALWAYS AS (rad ->> 'enhet') STORED NOT NULL,
  period text GENERATED ALWAYS AS (rad ->> 'period') STORED NOT NULL,
  slag text GENERATED ALWAYS AS (rad ->> 'slag') STORED NOT NULL,
  skapad timestamptz GENERATED ALWAYS AS (bk_tid(rad ->> 'skapad')) STORED NOT NULL,
  status text GENERATED ALWAYS AS (rad ->> 'status') STORED NOT NULL CHECK (status IN ('väntar', 'skickat', 'misslyckat')),
  forsok integer GENERATED ALWAYS AS ((rad ->> 'forsok')::integer) STORED NOT NULL,
  nasta_forsok timestamptz GENERATED ALWAYS AS (bk_tid(rad ->> 'nasta_forsok')) STORED,
  senaste_fel text GENERATED ALWAYS AS (rad ->> 'senaste_fel') STORED,
  skickat timestamptz GENERATED ALWAYS AS (bk_tid(rad ->> 'skickat')) STORED,
  innehall json GENERATED ALWAYS AS (rad -> 'innehall') STORED,
  skapad_i bigint NOT NULL,
  plats integer NOT NULL,
  andrad_i bigint NOT NULL
);
CREATE INDEX utskick_vantande ON utskick (konversation) WHERE status = 'väntar';

-- The audit log: who changed what, when, before and after. Its order is (andring, nr).
CREATE TABLE handelser (
  andring bigint NOT NULL,
  nr integer NOT NULL,
  rad json NOT NULL,
  tid timestamptz GENERATED ALWAYS AS (bk_tid(rad ->> 'tid')) STORED NOT NULL,
  vem text GENERATED ALWAYS AS (rad ->> 'vem') STORED NOT NULL,
  kalla text GENERATED ALWAYS AS (rad ->> 'kalla') STORED NOT NULL,
  typ text GENERATED ALWAYS AS (rad ->> 'typ') STORED NOT NULL,
  nyckel text GENERATED ALWAYS AS (rad ->> 'nyckel') STORED NOT NULL,
  fore json GENERATED ALWAYS AS (rad -> 'fore') STORED,
  efter json GENERATED ALWAYS AS (rad -> 'efter') STORED,
  PRIMARY KEY (andring, nr)
);
CREATE INDEX handelser_typ_nyckel ON handelser (typ, nyckel);
CREATE INDEX handelser_tid ON handelser (tid);

-- Stores moved in from a lowdb file with `npm run flytta`: from where, which content (sha256), in which change.
CREATE TABLE flyttningar (
  kontrollsumma text PRIMARY KEY,
  fran text NOT NULL,
  andring bigint NOT NULL REFERENCES andringar (seq),
  tid timestamptz NOT NULL DEFAULT now()
);

-- Cards already processed, so a card sent twice (to any instance) is answered with its receipt.
CREATE TABLE mottagna (
  kort text PRIMARY KEY,
  andring bigint NOT NULL,
  nr integer NOT NULL
);

-- Which instance sends an outbox entry, until when. A claim whose time has passed may be taken over.
CREATE TABLE utskicksansprak (
  id text PRIMARY KEY REFERENCES utskick (id),
  agare text NOT NULL,
  till timestamptz NOT NULL,
  tagen timestamptz NOT NULL
);

-- Every send to a conversation, by any instance, so Teams' per-conversation limits hold across instances.
CREATE TABLE utskickslogg (
  nr bigserial PRIMARY KEY,
  konversation text NOT NULL,
  tid timestamptz NOT NULL,
  utskick text NOT NULL,
  instans text NOT NULL
);
CREATE INDEX utskickslogg_konversation_tid ON utskickslogg (konversation, tid);

-- Conversation state (teams-ai turn state), so a follow-up question can land on another instance.
CREATE TABLE nyckelvarden (
  nyckel text PRIMARY KEY,
  varde json NOT NULL,
  andrad timestamptz NOT NULL DEFAULT now()
);

/**
 * Claims outbox entry p_id for instance p_agare: only while it waits, only if no other instance holds an
 * unexpired claim, and only within every limit in p_granser ([{antal, ms}]: at most antal sends to the
 * conversation in any ms). Returns whether it was claimed, and otherwise how long until the limits allow a
 * send (null: someone else has it, or it no longer waits).
 */
CREATE FUNCTION bk_gripa_utskick(p_id text, p_konversation text, p_agare text, p_lease_ms integer, p_granser json)
  RETURNS TABLE (fick boolean, vanta_ms bigint)
  LANGUAGE plpgsql AS $$
DECLARE
  nu timestamptz := clock_timestamp();
  tidigast timestamptz;
  g record;
  t timestamptz;
BEGIN
  tidigast := nu;
  PERFORM pg_advisory_xact_lock(hashtextextended('budgetkollen:konversation:' || p_konversation, 0));
  IF NOT EXISTS (SELECT 1 FROM utskick u WHERE u.id = p_id AND u.status = 'väntar') THEN
    RETURN QUERY SELECT false, NULL::bigint;
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM utskicksansprak a WHERE a.id = p_id AND a.agare <> p_agare AND a.till > nu) THEN
    RETURN QUERY SELECT false, NULL::bigint;
    RETURN;
  END IF;
  FOR g IN SELECT (e ->> 'antal')::integer AS antal, (e ->> 'ms')::bigint AS ms FROM json_array_elements(p_granser) e LOOP
    t := NULL;
    SELECT s.tid INTO t FROM utskickslogg s
      WHERE s.konversation = p_konversation AND s.tid > nu - g.ms * interval '1 millisecond'
      ORDER BY s.tid DESC OFFSET g.antal - 1 LIMIT 1;
    IF t IS NOT NULL THEN
      tidigast := greatest(tidigast, t + g.ms * interval '1 millisecond');
    END IF;
  END LOOP;
  IF tidigast > nu THEN
    RETURN QUERY SELECT false, ceil(extract(epoch FROM tidigast - nu) * 1000)::bigint;
    RETURN;
  END IF;
  INSERT INTO utskicksansprak AS a (id, agare, till, tagen)
    VALUES (p_id, p_agare, nu + p_lease_ms * interval '1 millisecond', nu)
    ON CONFLICT (id) DO UPDATE SET agare = EXCLUDED.agare, till = EXCLUDED.till, tagen = EXCLUDED.tagen;
  INSERT INTO utskickslogg (konversation, tid, utskick, instans) VALUES (p_konversation, nu, p_id, p_agare);
  DELETE FROM utskickslogg s WHERE s.konversation = p_konversation AND s.tid < nu - interval '2 hours';
  RETURN QUERY SELECT true, 0::bigint;
END
$$;

-- For reading: each unit's latest version of each month's figures.
CREATE VIEW utfall_senaste AS
  SELECT DISTINCT ON (enhet, period) enhet, period, version, budget_ack, utfall_ack, avvikelse_ack,
         budget_helar, prognos_helar, budget_helar - prognos_helar AS prognosavvikelse,
         kommentar, kalla, rapporterad_av, rapporterad
    FROM utfall
   ORDER BY enhet, period, version DESC;

-- For reading: a measure's planned and realised savings per year, one row each.
CREATE VIEW atgarder_per_ar AS
  SELECT a.enhet, a.nr, a.atgard, a.status, a.kategori, ar.ar::integer AS ar,
         (a.plan ->> ar.ar)::numeric AS plan_tkr, (a.utfall ->> ar.ar)::numeric AS utfall_tkr
    FROM atgarder a,
         LATERAL (SELECT json_object_keys(a.plan) AS ar UNION SELECT json_object_keys(a.utfall)) ar;
