import { Konfigurationsfel, läsConfig } from './config.js';
import { fangaKrascher, fangaProcessensUtskrifter, skapaLogg } from './logg.js';
import { Lagringsfel } from './store/fel.js';
import { oppnaStore } from './store/oppna.js';
import type { Store } from './store/store.js';
import { skapaAdapter } from './teams/adapter.js';
import { skapaApp } from './teams/app.js';
import { skapaAvsandare } from './teams/avsandare.js';
import { startaServer } from './teams/server.js';
import { Rundschema } from './usecases/rundschema.js';

// Before anything runs, also while the configuration is read: a crash is a JSON line and exit code 1.
fangaKrascher(skapaLogg('info'));

/** Composition root: config -> store -> Teams app -> HTTP server. */
async function main(): Promise<void> {
  let config;
  try {
    config = läsConfig();
  } catch (e) {
    if (e instanceof Konfigurationsfel) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const logg = skapaLogg(config.logLevel);
  fangaProcessensUtskrifter(logg);
  let store: Store;
  try {
    store = await oppnaStore(config.storeUrl ?? config.storePath, config.now, 'Budgetkollen-boten', {
      leaseMs: config.utkorgLeaseMs,
      logg,
    });
  } catch (e) {
    if (e instanceof Lagringsfel) {
      logg.error('kan inte öppna lagringen', { fel: e.message });
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const adapter = skapaAdapter(config, logg);
  const app = skapaApp({
    store,
    logg,
    klocka: config.now,
    adapter,
    botAppId: config.botId || undefined,
    tillatnaTenants: config.allowedTenants,
    rimlighet: config.rimlighet,
    filgranser: config.filgranser,
  });
  const server = await startaServer(app, adapter, config, logg);
  // Alerts waiting in the outbox (also from before a restart) go out from here on.
  const avsandare = skapaAvsandare({ store, logg, adapter, botAppId: config.botId || undefined, leaseMs: config.utkorgLeaseMs });
  avsandare.starta();
  // The reporting round: what is due now, then at each reminder time (src/usecases/rundschema.ts).
  const rundschema = new Rundschema({
    store,
    logg: logg.med({ del: 'rapporteringsrundan' }),
    klocka: config.now,
    planerat: () => avsandare.vacka(),
  });
  if (config.rapporteringsrunda === 'boten') rundschema.starta();
  logg.info('lyssnar', { port: server.port, host: config.host, store: store.plats, enheter: store.register.enheter.size });
  const stang = async () => {
    await server.stang();
    await rundschema.stoppa();
    await avsandare.stoppa();
    await store.stang();
    process.exit(0);
  };
  process.on('SIGTERM', stang);
  process.on('SIGINT', stang);
}

await main();
