import { resolve } from 'node:path';
import { Konfigurationsfel, läsConfig } from '../config.js';
import { RUNDSLAG } from '../domain/schema.js';
import { skapaLogg } from '../logg.js';
import { Lagringsfel } from '../store/fel.js';
import { arPostgresadress, oppnaStore } from '../store/oppna.js';
import { Fillagring, type Store } from '../store/store.js';
import { skapaAdapter } from '../teams/adapter.js';
import { skapaAvsandare } from '../teams/avsandare.js';
import { korRunda } from '../usecases/runda.js';
import { argument } from './argument.js';

// `npm run paminnelser`: one round of the reporting round's due reminders, for an external scheduler (cron, a
// Kubernetes CronJob, Azure Container Apps jobs): plans what is due now into the outbox and sends it.
const { flaggor, rest } = argument(process.argv.slice(2), ['store', 'now']);
const baraPlanera = rest.includes('--bara-planera');
if (rest.some((r) => r !== '--bara-planera')) {
  process.stderr.write(
    'Användning: npm run paminnelser -- [--store data/store.json | --store postgres://…] [--now ÅÅÅÅ-MM-DDTTT:MM+01:00] [--bara-planera]\n',
  );
  process.exit(2);
}
let config;
try {
  config = läsConfig({ ...process.env, ...(flaggor.now ? { BUDGETKOLLEN_NOW: flaggor.now } : {}) });
} catch (e) {
  if (e instanceof Konfigurationsfel) {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
const logg = skapaLogg(config.logLevel === 'debug' ? 'debug' : 'warn');
let store: Store;
try {
  const plats = flaggor.store ?? config.storeUrl ?? config.storePath;
  store = await oppnaStore(arPostgresadress(plats) ? plats : resolve(plats), config.now, 'npm run paminnelser', {
    leaseMs: config.utkorgLeaseMs,
    logg,
  });
} catch (e) {
  if (e instanceof Lagringsfel) {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  throw e;
}

const ARUNDA: ReadonlySet<string> = new Set(RUNDSLAG);
const vantande = () => store.dokument.utskick.filter((u) => ARUNDA.has(u.slag) && u.status === 'väntar');
const planerade = await korRunda(store, logg);
let skickade = 0;
if (!baraPlanera) {
  const fore = new Set(store.dokument.utskick.filter((u) => ARUNDA.has(u.slag) && u.status === 'skickat').map((u) => u.id));
  const avsandare = skapaAvsandare({
    store,
    logg,
    adapter: skapaAdapter(config, logg),
    botAppId: config.botId || undefined,
    leaseMs: config.utkorgLeaseMs,
  });
  avsandare.starta();
  // every waiting message tried once; one that must wait for a retry is left for the next round or the bot
  const slut = Date.now() + 120_000;
  while (vantande().some((u) => u.forsok === 0) && Date.now() < slut) await new Promise((r) => setTimeout(r, 200));
  await avsandare.stoppa();
  skickade = store.dokument.utskick.filter((u) => ARUNDA.has(u.slag) && u.status === 'skickat' && !fore.has(u.id)).length;
}
const kvar = vantande().length;
await store.stang();
if (store instanceof Fillagring) await store.komprimera();
process.stdout.write(
  `Rapporteringsrundan: ${planerade} nya meddelanden planerade${baraPlanera ? '' : `, ${skickade} skickade`}${kvar ? `, ${kvar} väntar på att skickas` : ''} (${store.plats}).\n`,
);
process.exit(0);
