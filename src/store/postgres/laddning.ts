import type pg from 'pg';
import { type Dokument, DokumentSchema, HANDELSETYPER_I_MINNET, tomtDokument } from '../../domain/schema.js';
import { Lagringsfel } from '../fel.js';
import { NYCKLAR, type Nyckelsamling } from '../samlingar.js';
import { type Snabbkontroll, kompilera } from '../validering.js';

let kontroll: Snabbkontroll | undefined;

/**
 * The document (without the audit events answers do not read) and the change log's high-water mark, read in one REPEATABLE READ snapshot, so the
 * document is exactly the state after change `sekvens`: the follower replays from there. Rows come back in
 * the order they were first written, as they stood in memory on the instance that wrote them.
 */
export async function laddaDokument(klient: pg.ClientBase, plats: string): Promise<{ sekvens: number; dokument: Dokument }> {
  await klient.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const { rows } = await klient.query<{ seq: string }>('SELECT coalesce(max(seq), 0)::text AS seq FROM andringar');
    const sekvens = Number(rows[0].seq);
    const dokument = tomtDokument();
    const rader = async (sql: string): Promise<unknown[]> => (await klient.query({ text: sql, rowMode: 'array' })).rows.map((r) => r[0]);
    for (const samling of Object.keys(NYCKLAR) as Nyckelsamling[]) {
      (dokument[samling] as unknown[]) = await rader(`SELECT rad FROM ${samling} ORDER BY skapad_i, plats`);
    }
    dokument.utfall = (await rader('SELECT rad FROM utfall ORDER BY skapad_i, plats')) as Dokument['utfall'];
    // Only the audit events answers read; the log itself stays in its table (Pglagring.granskningslogg reads it).
    dokument.handelser = (await rader(
      `SELECT rad FROM handelser WHERE typ IN (${[...HANDELSETYPER_I_MINNET].map((t) => `'${t}'`).join(', ')}) ORDER BY andring, nr`,
    )) as Dokument['handelser'];
    dokument.mottagna = (await rader('SELECT kort FROM mottagna ORDER BY andring, nr')) as string[];
    await klient.query('COMMIT');
    kontroll ??= kompilera(DokumentSchema) ?? (() => false);
    if (!kontroll(dokument)) {
      const zod = DokumentSchema.safeParse(dokument);
      if (!zod.success) {
        const f = zod.error.issues[0];
        throw new Lagringsfel(
          `Databasen ${plats} klarar inte valideringen: ${f.path.join('.')}: ${f.message}${zod.error.issues.length > 1 ? ` (och ${zod.error.issues.length - 1} fel till)` : ''}. Den har inte ändrats.`,
        );
      }
    }
    return { sekvens, dokument };
  } catch (e) {
    await klient.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
