import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { läsConfig } from '../config.js';
import { kortSomText } from '../cards/somText.js';
import { skapaLogg } from '../logg.js';
import { Lagringsfel } from '../store/fel.js';
import { arPostgresadress, oppnaStore } from '../store/oppna.js';
import type { Store } from '../store/store.js';
import { skapaApp } from '../teams/app.js';
import { LokalKanal } from '../teams/lokalt.js';
import { argument } from './argument.js';

const { flaggor, rest } = argument(process.argv.slice(2), ['store', 'user', 'now']);
const fraga = rest.join(' ').trim();
if (!fraga) {
  process.stderr.write('Användning: npm run ask -- [--store F | --store postgres://…] [--user ID] [--now ÅÅÅÅ-MM-DD] "fråga"\n');
  process.exit(2);
}
const config = läsConfig({
  ...process.env,
  ...(flaggor.now ? { BUDGETKOLLEN_NOW: flaggor.now } : {}),
  HOST: '127.0.0.1',
  BOT_ID: '',
  NODE_ENV: 'development',
});
const logg = skapaLogg(process.env.LOG_LEVEL === 'debug' ? 'debug' : 'warn');
const plats = flaggor.store ?? config.storeUrl ?? config.storePath;
const postgres = arPostgresadress(plats);
const sokvag = postgres ? plats : resolve(plats);
const FYLL = 'Fyll den med demodatan (npm run dev lägger upp den) eller med kommunens egna filer: npm run import -- <mapp> --store <fil>.';
// A store that is not there is not created by a question: say so, and how to fill one.
if (!postgres && !existsSync(sokvag)) {
  process.stderr.write(`Lagringen ${sokvag} finns inte. ${FYLL}\n`);
  process.exit(1);
}
let store: Store;
try {
  store = await oppnaStore(sokvag, config.now, 'npm run ask');
} catch (e) {
  if (e instanceof Lagringsfel) {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
if (store.register.enheter.size === 0) {
  process.stderr.write(`Lagringen ${store.plats} är tom: den har inga enheter. ${FYLL}\n`);
  await store.vanta();
  process.exit(1);
}
const app = skapaApp({ store, logg, klocka: config.now, rimlighet: config.rimlighet });
const kanal = new LokalKanal(app);
const svar = await kanal.fraga(fraga, { anvandare: flaggor.user ?? 'cli' });
for (const a of svar) {
  if (a.type !== 'message') continue;
  const delar = [a.text ?? ''];
  for (const bilaga of a.attachments ?? []) {
    const kort = bilaga.content as { fallbackText?: string };
    delar.push(kort.fallbackText ?? kortSomText(kort));
    const knappar = kortSomText({ actions: (kort as { actions?: unknown[] }).actions ?? [] });
    if (knappar) delar.push(knappar.replace(/\n/g, ' '));
  }
  process.stdout.write(
    `${delar
      .filter(Boolean)
      .join('\n\n')
      .replace(/\u00a0/g, ' ')}\n`,
  );
}
await store.stang();
