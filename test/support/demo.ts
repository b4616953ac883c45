import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { läsImportmapp } from '../../src/store/import.js';
import { importera } from '../../src/usecases/import.js';
import { type Fillagring, Store } from '../../src/store/store.js';

export const DEMO = join(process.cwd(), 'data', 'demo');
export const DEMO_NU = new Date('2025-12-10T12:00:00Z');

/** A fresh temporary store with the demo data imported, and a fixed clock. */
export async function demoStore(klocka: () => Date = () => new Date(DEMO_NU)): Promise<Fillagring> {
  const fil = join(mkdtempSync(join(tmpdir(), 'budgetkollen-')), 'store.json');
  const store = await Store.oppna(fil, klocka);
  await importera(store, läsImportmapp(DEMO));
  return store;
}

/**
 * Expected figures computed straight from the demo CSVs, independently of the bot's own aggregation:
 * a unit's figures are the sum of the leaf rows below it.
 */
export function vantadeSiffror(
  enhet: string,
  period: string,
): { budget: number; utfall: number; budgetHelar: number; prognosHelar: number } {
  const rader = (fil: string) =>
    readFileSync(join(DEMO, fil), 'utf-8')
      .trim()
      .split('\n')
      .slice(1)
      .map((r) => r.split(';'));
  const enheter = rader('enheter.csv').map(([id, , , foralder]) => ({ id, foralder }));
  const under = (id: string): string[] => [id, ...enheter.filter((e) => e.foralder === id).flatMap((e) => under(e.id))];
  const mangd = new Set(under(enhet));
  const tal = (s: string) => Number(s.replace(',', '.'));
  const summa = { budget: 0, utfall: 0, budgetHelar: 0, prognosHelar: 0 };
  for (const [e, p, b, u, bh, ph] of rader('utfall.csv')) {
    if (!mangd.has(e) || p !== period) continue;
    summa.budget += tal(b);
    summa.utfall += tal(u);
    summa.budgetHelar += tal(bh);
    summa.prognosHelar += tal(ph);
  }
  const r = (v: number) => Math.round(v * 10) / 10;
  return { budget: r(summa.budget), utfall: r(summa.utfall), budgetHelar: r(summa.budgetHelar), prognosHelar: r(summa.prognosHelar) };
}

/** Swedish formatting as a person reads it, with plain spaces and ASCII minus, for comparing text. */
export function sv(v: number): string {
  return new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 })
    .format(v)
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\u2212/g, '-');
}

export function läsbar(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');
}
