import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { Lagringsfel } from '../fel.js';

export interface Migrering {
  version: number;
  namn: string;
  sql: string;
  kontrollsumma: string;
}

/** Serialises migrations across instances starting at once; any number, as long as every instance uses the same. */
const MIGRERINGSLAS = 0x42_4b_4d_49_47; // "BKMIG"

/** `migrations/postgres/` of the repository: found from here upwards, so it is the same from src/ and from a build. */
export function migreringsmapp(): string {
  let mapp = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const kandidat = join(mapp, 'migrations', 'postgres');
    if (existsSync(kandidat)) return kandidat;
    const upp = dirname(mapp);
    if (upp === mapp) throw new Lagringsfel('Hittar inte mappen migrations/postgres med databasens migreringar.');
    mapp = upp;
  }
}

/** The migration files `NNNN_namn.sql`, in order. */
export function lasMigreringar(mapp = migreringsmapp()): Migrering[] {
  const ut: Migrering[] = [];
  for (const fil of readdirSync(mapp).sort()) {
    const m = /^(\d{4})_([\w-]+)\.sql$/.exec(fil);
    if (!m) continue;
    const sql = readFileSync(join(mapp, fil), 'utf-8');
    ut.push({ version: Number(m[1]), namn: m[2], sql, kontrollsumma: createHash('sha256').update(sql).digest('hex') });
  }
  ut.forEach((m, i) => {
    if (m.version !== i + 1) throw new Lagringsfel(`Migreringarna i ${mapp} ska vara numrerade 0001, 0002, … utan luckor.`);
  });
  return ut;
}

/**
 * Brings the database to the code's schema: every missing migration, in order, in one transaction under an
 * advisory lock, so two instances starting together apply each once. A database with a newer schema than
 * the code, or with an applied migration whose file has since changed, stops here with nothing changed.
 */
export async function migrera(klient: pg.ClientBase, plats: string, migreringar = lasMigreringar()): Promise<number[]> {
  const tillampade: number[] = [];
  await klient.query('BEGIN');
  try {
    await klient.query('SELECT pg_advisory_xact_lock($1)', [MIGRERINGSLAS]);
    await klient.query(`CREATE TABLE IF NOT EXISTS schemaversioner (
      version integer PRIMARY KEY,
      namn text NOT NULL,
      kontrollsumma text NOT NULL,
      tillampad timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await klient.query<{ version: number; namn: string; kontrollsumma: string }>(
      'SELECT version, namn, kontrollsumma FROM schemaversioner ORDER BY version',
    );
    const hogsta = migreringar.length;
    const databasens = rows.length ? rows[rows.length - 1].version : 0;
    if (databasens > hogsta) {
      throw new Lagringsfel(
        `Databasen ${plats} har schemaversion ${databasens}, men den här versionen av Budgetkollen känner bara till version ${hogsta}. ` +
          'Uppgradera Budgetkollen till samma version som de andra instanserna. Databasen har inte ändrats.',
      );
    }
    for (const rad of rows) {
      const fil = migreringar[rad.version - 1];
      if (fil && fil.kontrollsumma !== rad.kontrollsumma)
        throw new Lagringsfel(
          `Migreringen ${String(rad.version).padStart(4, '0')}_${rad.namn}.sql har ändrats sedan den kördes mot ${plats}. ` +
            'En körd migrering får aldrig ändras; lägg ändringen i en ny fil. Databasen har inte ändrats.',
        );
    }
    for (const m of migreringar.slice(databasens)) {
      await klient.query(m.sql);
      await klient.query('INSERT INTO schemaversioner (version, namn, kontrollsumma) VALUES ($1, $2, $3)', [
        m.version,
        m.namn,
        m.kontrollsumma,
      ]);
      tillampade.push(m.version);
    }
    await klient.query('COMMIT');
  } catch (e) {
    await klient.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
  return tillampade;
}
