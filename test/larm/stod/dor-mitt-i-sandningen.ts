/**
 * Child process for the restart test: stores new figures (alert planned in the same write), starts the
 * outbox sender with a connector that never answers, says so on stdout, and waits to be killed.
 */
import { planeraLarm } from '../../../src/alerts/planera.js';
import { Utkorgsavsandare } from '../../../src/alerts/utkorg.js';
import { tystLogg } from '../../../src/logg.js';
import { Store } from '../../../src/store/store.js';

const fil = process.argv[2];
const store = await Store.oppna(fil, () => new Date('2025-12-10T12:00:00Z'));
await store.ändra({ vem: 'controller', kalla: 'kort' }, (tx) => {
  tx.lagg('utfall', {
    enhet: 'bou',
    period: '2025-11',
    budget_ack: 10000,
    utfall_ack: 10600,
    budget_helar: null,
    prognos_helar: null,
    kommentar: 'Placeringar.',
    kalla: 'kort',
    version: 1,
    rapporterad_av: 'controller',
    rapporterad: tx.nu.toISOString(),
  });
  planeraLarm(tx, [{ enhet: 'bou', period: '2025-11' }]);
});
process.stdout.write(`skrivet ${store.dokument.utskick.length}\n`);
const avsandare = new Utkorgsavsandare({
  store,
  logg: tystLogg,
  transport: {
    skicka: () => {
      process.stdout.write('skickar\n');
      return new Promise<void>(() => undefined);
    },
  },
});
avsandare.starta();
setInterval(() => undefined, 60_000);
