import type pg from 'pg';
import type { Nyckelvarden } from '../delad.js';

/** Small values by key in the table nyckelvarden, last write wins; errors are the caller's to handle. */
export class Pgnyckelvarden implements Nyckelvarden {
  constructor(private readonly pool: pg.Pool) {}

  async las(nycklar: string[]): Promise<Record<string, unknown>> {
    if (!nycklar.length) return {};
    const { rows } = await this.pool.query<{ nyckel: string; varde: unknown }>(
      'SELECT nyckel, varde FROM nyckelvarden WHERE nyckel = ANY($1::text[])',
      [nycklar],
    );
    return Object.fromEntries(rows.map((r) => [r.nyckel, r.varde]));
  }

  async skriv(poster: Record<string, unknown>): Promise<void> {
    const rader = Object.entries(poster).map(([nyckel, varde]) => ({ nyckel, varde }));
    if (!rader.length) return;
    await this.pool.query(
      `INSERT INTO nyckelvarden (nyckel, varde, andrad)
       SELECT r.nyckel, r.varde, now() FROM json_to_recordset($1::json) AS r(nyckel text, varde json)
       ON CONFLICT (nyckel) DO UPDATE SET varde = EXCLUDED.varde, andrad = EXCLUDED.andrad`,
      [JSON.stringify(rader)],
    );
  }

  async radera(nycklar: string[]): Promise<void> {
    if (!nycklar.length) return;
    await this.pool.query('DELETE FROM nyckelvarden WHERE nyckel = ANY($1::text[])', [nycklar]);
  }
}
