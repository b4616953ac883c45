import { resolve } from 'node:path';
import { Importfel } from '../store/import.js';
import { läsImportkalla } from '../store/importkalla.js';
import { importera } from '../usecases/import.js';
import { Lagringsfel } from '../store/fel.js';
import { arPostgresadress, oppnaStore } from '../store/oppna.js';
import { Fillagring } from '../store/store.js';
import { argument } from './argument.js';
import { läsConfig } from '../config.js';

const { flaggor, rest } = argument(process.argv.slice(2), ['store']);
const mapp = rest[0];
if (!mapp) {
  process.stderr.write('Användning: npm run import -- <mapp eller arbetsbok.xlsx> [--store data/store.json | --store postgres://…]\n');
  process.exit(2);
}
const angiven = flaggor.store ?? (process.env.STORE_URL || process.env.STORE_PATH || 'data/store.json');
const storefil = arPostgresadress(angiven) ? angiven : resolve(angiven);

try {
  const filer = await läsImportkalla(mapp);
  // The same clock as the bot, so an import stamped in a demo's 2025 is not dated after the bot's own today.
  const store = await oppnaStore(
    storefil,
    läsConfig({ ...process.env, HOST: '127.0.0.1', BOT_ID: '', NODE_ENV: 'development' }).now,
    'npm run import',
  );
  const resultat = await importera(store, filer).finally(() => store.stang());
  if (store instanceof Fillagring) await store.komprimera();
  const andrat = Object.entries(resultat)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`);
  process.stdout.write(
    andrat.length ? `Importerat till ${store.plats}: ${andrat.join(', ')}\n` : `Inget nytt att importera; ${store.plats} är oförändrad.\n`,
  );
} catch (e) {
  if (e instanceof Importfel) {
    process.stderr.write(`Importen avbröts; inget har sparats.\n${e.fel.join('\n')}\n`);
    process.exit(1);
  }
  if (e instanceof Lagringsfel) {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
