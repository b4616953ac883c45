import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Dokument, Handelse } from '../../domain/schema.js';
import { Lagringsfel } from '../fel.js';
import { NYCKLAR, type Nyckelsamling, type Operation, type Tillvaxtsamling } from '../samlingar.js';
import { arForbindelsefel, beskrivForbindelsefel, utanLosenord } from './adress.js';
import { laddaDokument } from './laddning.js';
import { migrera } from './migrering.js';
import { SKRIVLAS } from './pglagring.js';
import { byggSkrivning } from './skrivning.js';

export type Antal = Record<keyof Omit<Dokument, 'schemaversion'>, number>;

export type Flyttresultat = { typ: 'flyttad'; antal: Antal; andring: number } | { typ: 'redan'; antal: Antal; andring: number; tid: Date };

const TILLVAXT: ReadonlySet<string> = new Set<Tillvaxtsamling>(['utfall', 'handelser', 'mottagna']);

/**
 * Copies a whole store (every version of the figures, the outbox, the conversations, and `handelser`, the whole
 * audit log, which the document in memory holds only in part) into an empty database as its first change,
 * exactly as it is: no new audit entries, the rows in the same order. Then reads it back and checks that the
 * database gives the same document and the same audit log. Into a database that already holds this very
 * content it does nothing; into any other non-empty database it refuses.
 */
export async function flyttaTillPostgres(
  dokumentet: Readonly<Dokument>,
  handelser: readonly Handelse[],
  fran: string,
  url: string,
): Promise<Flyttresultat> {
  const plats = utanLosenord(url);
  const dokument = { ...dokumentet, handelser };
  const text = JSON.stringify(dokument);
  const kontrollsumma = createHash('sha256').update(text).digest('hex');
  const antal = Object.fromEntries(
    Object.entries(dokument)
      .filter(([k]) => k !== 'schemaversion')
      .map(([k, v]) => [k, (v as unknown[]).length]),
  ) as Antal;
  const klient = new pg.Client({ connectionString: url, application_name: 'npm run flytta' });
  // a connection lost between statements: the next statement fails with it
  klient.on('error', () => undefined);
  try {
    await klient.connect();
  } catch (e) {
    throw new Lagringsfel(`Kan inte nå databasen ${plats}: ${beskrivForbindelsefel(e, url)}. Inget har flyttats.`);
  }
  try {
    await migrera(klient, plats);
    await klient.query('BEGIN');
    await klient.query('SELECT pg_advisory_xact_lock($1)', [SKRIVLAS]);
    const redan = await klient.query<{ andring: string; tid: Date }>(
      'SELECT andring::text, tid FROM flyttningar WHERE kontrollsumma = $1',
      [kontrollsumma],
    );
    if (redan.rowCount) {
      await klient.query('ROLLBACK');
      return { typ: 'redan', antal, andring: Number(redan.rows[0].andring), tid: redan.rows[0].tid };
    }
    const { rows } = await klient.query<{ andringar: string; rader: string }>(
      `SELECT (SELECT count(*) FROM andringar)::text AS andringar,
              ((SELECT count(*) FROM enheter) + (SELECT count(*) FROM utfall) + (SELECT count(*) FROM handelser))::text AS rader`,
    );
    if (Number(rows[0].andringar) > 0 || Number(rows[0].rader) > 0) {
      await klient.query('ROLLBACK');
      throw new Lagringsfel(
        `Databasen ${plats} är inte tom (${rows[0].andringar} ändringar finns redan) och innehåller inte ${fran} som den ser ut nu. ` +
          'Flytta bara till en tom databas. Inget har ändrats.',
      );
    }
    const ops: Operation[] = [];
    for (const [samling, rader] of Object.entries(dokument)) {
      if (samling === 'schemaversion') continue;
      for (const rad of rader as unknown[]) {
        if (TILLVAXT.has(samling)) ops.push({ op: 'lagg', samling: samling as Tillvaxtsamling, rad });
        else if (samling in NYCKLAR) ops.push({ op: 'satt', samling: samling as Nyckelsamling, rad });
        else throw new Lagringsfel(`Lagringen har en samling som databasen inte känner till (${samling}). Inget har flyttats.`);
      }
    }
    const skrivning = byggSkrivning(1, randomUUID(), { vem: 'npm run flytta', kalla: 'system' }, ops);
    await klient.query({ text: skrivning.text, values: skrivning.values });
    await klient.query('INSERT INTO flyttningar (kontrollsumma, fran, andring) VALUES ($1, $2, 1)', [kontrollsumma, fran]);
    await klient.query('COMMIT');
    const tillbaka = await laddaDokument(klient, plats);
    const logg = (await klient.query({ text: 'SELECT rad FROM handelser ORDER BY andring, nr', rowMode: 'array' })).rows.map((r) => r[0]);
    if (JSON.stringify(tillbaka.dokument) !== JSON.stringify(dokumentet) || JSON.stringify(logg) !== JSON.stringify(handelser))
      throw new Lagringsfel(`Databasen ${plats} ger inte tillbaka samma dokument som ${fran}. Töm databasen och rapportera felet.`);
    return { typ: 'flyttad', antal, andring: 1 };
  } catch (e) {
    await klient.query('ROLLBACK').catch(() => undefined);
    if (e instanceof Lagringsfel) throw e;
    if (arForbindelsefel(e))
      throw new Lagringsfel(`Databasen ${plats} försvann under flytten (${beskrivForbindelsefel(e, url)}). Inget har flyttats.`);
    const fel = e as { code?: string; detail?: string; message?: string };
    if (fel.code === '23503' || fel.code === '23505' || fel.code === '23514')
      throw new Lagringsfel(
        `Lagringen ${fran} har rader som databasen inte tar emot (${fel.detail ?? fel.message}). Rätta lagringen; inget har flyttats.`,
      );
    throw e;
  } finally {
    await klient.end().catch(() => undefined);
  }
}
