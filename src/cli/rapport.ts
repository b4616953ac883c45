import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { manadsrapport } from '../answers/manadsrapport.js';
import { arFilformat, valjRapportenhet, valjRapportperiod } from '../answers/manadsrapportsvar.js';
import { Miljofabrik } from '../answers/svarsmiljo.js';
import { läsConfig } from '../config.js';
import { PERIOD_MONSTER, tillOchMedText } from '../domain/period.js';
import { formatTal } from '../domain/tal.js';
import { tolkaFraga } from '../language/tolka.js';
import { skrivRapportfil } from '../rapport/filer.js';
import { Lagringsfel } from '../store/fel.js';
import { arPostgresadress, oppnaStore } from '../store/oppna.js';
import type { Store } from '../store/store.js';
import { argument } from './argument.js';

const ANVANDNING =
  'Användning: npm run rapport -- [--store F | --store postgres://…] [--now ÅÅÅÅ-MM-DD] [--period ÅÅÅÅ-MM] --out FIL.xlsx|FIL.docx "enhet"\n';

function avbryt(text: string, kod: number): never {
  process.stderr.write(`${text}\n`);
  process.exit(kod);
}

const { flaggor, rest } = argument(process.argv.slice(2), ['store', 'now', 'period', 'out']);
const enhetstext = rest.join(' ').trim();
if (!enhetstext || !flaggor.out) avbryt(ANVANDNING.trim(), 2);
const format = extname(flaggor.out).slice(1).toLowerCase();
if (!arFilformat(format)) avbryt(`Filen ska sluta på .xlsx eller .docx, inte "${extname(flaggor.out) || flaggor.out}".`, 2);
if (flaggor.period !== undefined && !PERIOD_MONSTER.test(flaggor.period))
  avbryt(`--period ska skrivas ÅÅÅÅ-MM, till exempel 2025-11, inte "${flaggor.period}".`, 2);

const config = läsConfig({
  ...process.env,
  ...(flaggor.now ? { BUDGETKOLLEN_NOW: flaggor.now } : {}),
  HOST: '127.0.0.1',
  BOT_ID: '',
  NODE_ENV: 'development',
});
let store: Store;
try {
  const plats = flaggor.store ?? config.storeUrl ?? config.storePath;
  store = await oppnaStore(arPostgresadress(plats) ? plats : resolve(plats), config.now, 'npm run rapport');
} catch (e) {
  if (e instanceof Lagringsfel) avbryt(e.message, 1);
  throw e;
}

// The unit as the bot reads it: an id, a name, an alias or "kommunen", through the same language layer.
const miljo = new Miljofabrik(store, config.now).skapa(undefined, undefined);
const reg = store.register;
const fraga = tolkaFraga(`månadsrapport för ${enhetstext}`, miljo.index, miljo.nu);
const val = valjRapportenhet(fraga, miljo, reg.enhet(enhetstext) ? enhetstext : undefined);
if (!val.ok) avbryt(val.svar.text.replace(/\*\*/g, ''), 1);
const enhet = val.enhet;
const tid = flaggor.period ? { ...fraga.tid, period: flaggor.period } : fraga.tid;
const period = valjRapportperiod({ ...fraga, tid }, enhet, miljo);
if (!period.ok) avbryt(period.text, 1);

const vy = manadsrapport(reg, enhet.id, period.period, config.now())!;
const fil = await skrivRapportfil(vy, format);
const ut = resolve(flaggor.out);
mkdirSync(dirname(ut), { recursive: true });
writeFileSync(ut, fil.bytes);
const rader = vy.rader.length ? `${vy.rader.length === 1 ? 'en rad' : `${vy.rader.length} rader`} och summa` : 'bara summan';
const ej = vy.ejRapporterade.length ? `, ${vy.ejRapporterade.length} ej rapporterade` : '';
process.stdout.write(
  `Skrev ${flaggor.out}: månadsrapport för ${vy.enhetsnamn} ${tillOchMedText(vy.period)} (${format === 'xlsx' ? 'Excel' : 'Word'}, ${rader}${ej}, ${formatTal(fil.bytes.length).replace(/\u00a0/g, ' ')} byte)\n`,
);
await store.stang();
