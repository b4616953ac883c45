/** The bench's arithmetic, kept apart from the measuring so that it can be tested: no clocks, no processes. */

/** The servers in round `i`'s order: each goes first in turn. */
export function turordning<T>(servrar: readonly T[], i: number): T[] {
  const n = servrar.length;
  return servrar.map((_, j) => servrar[(i + j) % n]);
}

/**
 * The replies' sizes, pairwise: the bot's and the card echo's reply to the same question. Equal means within 1 %:
 * the activities' ids and conversation names differ by a few bytes between the servers.
 */
export function jamforStorlekar(bot: number[], kort: number[]): { botMedel: number; kortMedel: number; lika: number; antal: number } {
  const antal = Math.min(bot.length, kort.length);
  let lika = 0;
  for (let i = 0; i < antal; i++) if (Math.abs(bot[i] - kort[i]) <= 0.01 * bot[i]) lika++;
  const medel = (v: number[]) => v.slice(0, antal).reduce((a, x) => a + x, 0) / (antal || 1);
  return { botMedel: medel(bot), kortMedel: medel(kort), lika, antal };
}

/** One size of the scale curve (issue 20.2): the same generated municipality, measured the same way at each size. */
export interface Skalrad {
  units: number;
  months: number;
  outcome_rows: number;
  store_bytes: number;
  import_s: number;
  startup_ms: number;
  rss_start_mb: number;
  rss_after_load_mb: number;
  questions_per_s: number;
  http_p50_ms: number;
  http_p99_ms: number;
  submit_p50_ms: number;
  submit_p99_ms: number;
  errors: number;
}

/** The figures whose growth is reported, with the table's column heading. */
export const SKALFALT: Array<[Exclude<keyof Skalrad, 'units' | 'months' | 'errors'>, string]> = [
  ['outcome_rows', 'utfallsrader'],
  ['store_bytes', 'store MB'],
  ['import_s', 'import s'],
  ['startup_ms', 'start ms'],
  ['rss_start_mb', 'RSS start MB'],
  ['rss_after_load_mb', 'RSS last MB'],
  ['questions_per_s', 'frågor/s'],
  ['http_p50_ms', 'http p50'],
  ['http_p99_ms', 'http p99'],
  ['submit_p50_ms', 'inl p50'],
  ['submit_p99_ms', 'inl p99'],
];

export type Tillvaxt = { from: number; to: number } & Partial<Record<(typeof SKALFALT)[number][0], number>>;

/** Each figure at the largest size over the same figure at the smallest: 1 000 → 10 000 units when both are measured. */
export function tillvaxt(rader: Skalrad[]): Tillvaxt | null {
  if (rader.length < 2) return null;
  const sorterade = [...rader].sort((a, b) => a.units - b.units);
  const [forsta, sista] = [sorterade[0], sorterade[sorterade.length - 1]];
  const ut: Tillvaxt = { from: forsta.units, to: sista.units };
  for (const [falt] of SKALFALT) ut[falt] = forsta[falt] > 0 ? Math.round((sista[falt] / forsta[falt]) * 100) / 100 : NaN;
  return ut;
}

/** The scale curve as a small table: one line a size, and the growth factor last. */
export function skaltabell(rader: Skalrad[]): string[] {
  const visa = (falt: (typeof SKALFALT)[number][0], v: number) =>
    falt === 'store_bytes' ? (v / 1e6).toFixed(1) : Number.isInteger(v) ? String(v) : v.toFixed(v >= 100 ? 0 : 2);
  const rubrik = ['enheter', ...SKALFALT.map(([, namn]) => namn)];
  const kropp = [...rader].sort((a, b) => a.units - b.units).map((r) => [String(r.units), ...SKALFALT.map(([f]) => visa(f, r[f]))]);
  const t = tillvaxt(rader);
  if (t) kropp.push([`×${t.from}→${t.to}`, ...SKALFALT.map(([f]) => (Number.isFinite(t[f]) ? `×${t[f]!.toFixed(2)}` : '–'))]);
  const bredd = rubrik.map((h, i) => Math.max(h.length, ...kropp.map((k) => k[i].length)));
  const rad = (celler: string[]) => celler.map((c, i) => (i === 0 ? c.padEnd(bredd[i]) : c.padStart(bredd[i]))).join('  ');
  return [rad(rubrik), ...kropp.map(rad)];
}
