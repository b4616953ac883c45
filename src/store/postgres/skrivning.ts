import type { Aktor } from '../store.js';
import { NYCKLAR, type Nyckelsamling, type Operation } from '../samlingar.js';

/** The key columns of each table of keyed rows: the conflict target of its upsert. */
export const NYCKELKOLUMNER: Record<Nyckelsamling, string[]> = {
  enheter: ['id'],
  atgarder: ['enhet', 'nr'],
  atgardsplaner: ['enhet'],
  nyckeltal: ['enhet', 'period', 'nyckeltal'],
  anvandare: ['id'],
  trosklar: ['enhet'],
  rapporteringsplaner: ['enhet', 'period_nyckel'],
  klarmarkeringar: ['enhet', 'period'],
  kodmappningar: ['kod'],
  rubrikmappningar: ['rubrik'],
  konversationer: ['id'],
  prenumerationer: ['konversation', 'enhet'],
  utskick: ['id'],
};

/** The channel every instance listens on; the payload is the change's sequence number. */
export const KANAL = 'budgetkollen_andringar';

export interface Skrivning {
  text: string;
  values: unknown[];
  /** measures the upsert must have written, all of them, or another version got there first */
  atgarder: number;
}

/**
 * One statement that writes a change: its rows into the tables (upserts by key, appends), its entry in the
 * change log, and the notification to the other instances, sent when the transaction commits. Keyed rows
 * written twice in one change are written once, as they ended; a new row keeps the place it first had.
 */
export function byggSkrivning(seq: number, token: string, aktor: Aktor, ops: readonly Operation[]): Skrivning {
  const satta = new Map<Nyckelsamling, Map<string, { rad: unknown; plats: number }>>();
  const utfall: Array<{ rad: unknown; plats: number }> = [];
  const handelser: Array<{ rad: unknown; plats: number }> = [];
  const mottagna: Array<{ kort: unknown; plats: number }> = [];
  ops.forEach((op, plats) => {
    if (op.op === 'satt') {
      let karta = satta.get(op.samling);
      if (!karta) satta.set(op.samling, (karta = new Map()));
      const nyckel = (NYCKLAR[op.samling] as (r: unknown) => string)(op.rad);
      const fore = karta.get(nyckel);
      karta.set(nyckel, { rad: op.rad, plats: fore?.plats ?? plats });
    } else if (op.samling === 'utfall') utfall.push({ rad: op.rad, plats });
    else if (op.samling === 'handelser') handelser.push({ rad: op.rad, plats });
    else mottagna.push({ kort: op.rad, plats });
  });

  const values: unknown[] = [seq, token, aktor.vem, aktor.kalla, ops.length, JSON.stringify(ops)];
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}::json`;
  };
  const delar: string[] = [];
  let atgarder = 0;
  for (const [samling, karta] of satta) {
    const nyckel = NYCKELKOLUMNER[samling].join(', ');
    // Versions only grow: an upsert that would replace a newer measure writes nothing, and the change fails.
    const vakt = samling === 'atgarder' ? `WHERE (atgarder.rad ->> 'version')::integer < (EXCLUDED.rad ->> 'version')::integer` : '';
    if (samling === 'atgarder') atgarder = karta.size;
    delar.push(
      `t_${samling} AS (INSERT INTO ${samling} (rad, skapad_i, plats, andrad_i) ` +
        `SELECT r.rad, $1::bigint, r.plats, $1::bigint FROM json_to_recordset(${param(JSON.stringify([...karta.values()]))}) AS r(rad json, plats integer) ` +
        `ON CONFLICT (${nyckel}) DO UPDATE SET rad = EXCLUDED.rad, andrad_i = EXCLUDED.andrad_i ${vakt} RETURNING 1)`,
    );
  }
  if (utfall.length)
    delar.push(
      `t_utfall AS (INSERT INTO utfall (rad, skapad_i, plats) ` +
        `SELECT r.rad, $1::bigint, r.plats FROM json_to_recordset(${param(JSON.stringify(utfall))}) AS r(rad json, plats integer) RETURNING 1)`,
    );
  if (handelser.length)
    delar.push(
      `t_handelser AS (INSERT INTO handelser (andring, nr, rad) ` +
        `SELECT $1::bigint, r.plats, r.rad FROM json_to_recordset(${param(JSON.stringify(handelser))}) AS r(rad json, plats integer) RETURNING 1)`,
    );
  if (mottagna.length)
    delar.push(
      `t_mottagna AS (INSERT INTO mottagna (kort, andring, nr) ` +
        `SELECT r.kort, $1::bigint, r.plats FROM json_to_recordset(${param(JSON.stringify(mottagna))}) AS r(kort text, plats integer) RETURNING 1)`,
    );
  delar.push(
    `t_andring AS (INSERT INTO andringar (seq, token, vem, kalla, antal, ops) VALUES ($1::bigint, $2::uuid, $3::text, $4::text, $5::integer, $6::json) RETURNING seq)`,
  );
  const text =
    `WITH ${delar.join(',\n')}\n` +
    `SELECT pg_notify('${KANAL}', (SELECT seq FROM t_andring)::text) AS meddelat, ` +
    `${atgarder ? '(SELECT count(*) FROM t_atgarder)::integer' : '0'} AS atgarder`;
  return { text, values, atgarder };
}
