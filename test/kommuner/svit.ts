import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tystLogg } from '../../src/logg.js';
import { läsImportmapp } from '../../src/store/import.js';
import { importera } from '../../src/usecases/import.js';
import { Store } from '../../src/store/store.js';
import { skapaApp } from '../../src/teams/app.js';
import { LokalKanal } from '../../src/teams/lokalt.js';
import { synligText } from '../support/testbot.js';
import { type Avsikt, type Fraga, type Kommun, kontrollera } from './forvantan.js';
import { ASBY } from './fragor/asby.js';
import { ASKERSUND } from './fragor/askersund.js';
import { NORRBY } from './fragor/norrby.js';
import { VASTERVIK } from './fragor/vastervik.js';

export const KOMMUNER: Kommun[] = [ASKERSUND, VASTERVIK, ASBY, NORRBY];

export interface Resultat {
  kommun: string;
  fraga: Fraga;
  svar: string;
  fel: string[];
}

export type Fragare = (text: string, samtal: string, anvandare?: string) => Promise<string>;

const botar = new Map<string, Promise<Fragare>>();

/**
 * The municipality's folder imported into a temporary store, and the real teams-ai Application over it. The
 * questions only read, each in its own conversation, so one store per municipality serves every suite in the run.
 */
export function startaBot(k: Kommun): Promise<Fragare> {
  let bot = botar.get(k.namn);
  if (!bot) {
    bot = nyBot(k);
    botar.set(k.namn, bot);
  }
  return bot;
}

async function nyBot(k: Kommun): Promise<Fragare> {
  const klocka = () => new Date(`${k.nu}T12:00:00Z`);
  const fil = join(mkdtempSync(join(tmpdir(), 'bk-kommun-')), 'store.json');
  const store = await Store.oppna(fil, klocka);
  await importera(store, läsImportmapp(join(process.cwd(), k.mapp)));
  const kanal = new LokalKanal(skapaApp({ store, logg: tystLogg, klocka }));
  return async (text, samtal, anvandare = k.anvandare) => {
    const aktiviteter = await kanal.fraga(text, { anvandare, konversation: samtal });
    return aktiviteter
      .filter((a) => a.type === 'message')
      .map(synligText)
      .join('\n');
  };
}

/** Asks every question of one municipality, each in its own conversation (a follow-up after its own lead-in). */
export async function korKommun(k: Kommun): Promise<Resultat[]> {
  const fraga = await startaBot(k);
  const ut: Resultat[] = [];
  let nr = 0;
  for (const f of k.fragor) {
    const samtal = `${k.namn}-${++nr}`;
    for (const fore of f.foljer ?? []) await fraga(fore, samtal, f.anvandare);
    const svar = await fraga(f.fraga, samtal, f.anvandare);
    ut.push({ kommun: k.namn, fraga: f, svar, fel: kontrollera(f, svar) });
  }
  return ut;
}

export interface Andel {
  godkanda: number;
  antal: number;
}

export function andelar(resultat: Resultat[], nyckel: (r: Resultat) => string): Map<string, Andel> {
  const m = new Map<string, Andel>();
  for (const r of resultat) {
    const a = m.get(nyckel(r)) ?? { godkanda: 0, antal: 0 };
    a.antal++;
    if (r.fel.length === 0) a.godkanda++;
    m.set(nyckel(r), a);
  }
  return m;
}

export const procentGodkanda = (a: Andel) => (a.antal ? (100 * a.godkanda) / a.antal : 0);

/** The pass-rate table: one row per intent, one column per municipality, and the totals. */
export function tabell(resultat: Resultat[]): string {
  const kommuner = [...new Set(resultat.map((r) => r.kommun))];
  const avsikter = [...new Set(resultat.map((r) => r.fraga.avsikt))] as Avsikt[];
  const cell = (a?: Andel) => (a ? `${a.godkanda}/${a.antal} ${procentGodkanda(a).toFixed(0)} %` : '–');
  const rader = [['avsikt', ...kommuner, 'alla']];
  for (const av of avsikter) {
    const per = andelar(
      resultat.filter((r) => r.fraga.avsikt === av),
      (r) => r.kommun,
    );
    const alla = andelar(
      resultat.filter((r) => r.fraga.avsikt === av),
      () => 'alla',
    ).get('alla');
    rader.push([av, ...kommuner.map((k) => cell(per.get(k))), cell(alla)]);
  }
  const per = andelar(resultat, (r) => r.kommun);
  rader.push(['ALLA', ...kommuner.map((k) => cell(per.get(k))), cell(andelar(resultat, () => 'x').get('x'))]);
  const bredd = rader[0].map((_, i) => Math.max(...rader.map((r) => r[i].length)));
  return rader.map((r) => r.map((c, i) => c.padEnd(bredd[i])).join('  ')).join('\n');
}
